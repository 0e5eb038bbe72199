//! A Last.fm client that retries what the Last.fm spec says to retry and stops on what it
//! says never to, honouring Retry-After.
//!
//! ```sh
//! cargo run -p errors-core --features reqwest --example lastfm-client -- \
//!     http://ws.audioscrobbler.com/2.0/ artist.getInfo artist=Cher api_key=YOUR_KEY
//! ```
//!
//! Prints the body of the answer; on failure, the error and its retry advice, exit status 1.
//! Code 16 (temporary error), 29 (rate limit), a 503 page or a 429 are tried again with
//! exponential backoff, waiting as long as Retry-After asks; code 6 (invalid parameters)
//! or 10 (invalid API key) end the call at once. (This crate builds reqwest without TLS:
//! an `https` API base needs one of reqwest's TLS features in your own build.)

use std::error::Error;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use backon::{ExponentialBuilder, Retryable};
use errors_core::{ClientError, ResponseExt, lastfm::ErrorCode, request_error};

/// The longest Retry-After the client waits; a server asking for more ends the call.
pub const MAX_WAIT: Duration = Duration::from_secs(60);

/// The result of a call, and how many requests it took.
#[derive(Debug)]
pub struct Outcome {
    /// The body of the answer, or the error that ended the call.
    pub result: Result<Vec<u8>, ClientError<ErrorCode>>,
    /// Requests sent.
    pub attempts: usize,
}

/// Calls `method` of the Last.fm API at `base_url` (`http://ws.audioscrobbler.com/2.0/`)
/// with `params` and `format=json`, retrying by the spec's advice with `backoff` between
/// attempts (Retry-After, when the server sends it, instead).
pub async fn call(
    client: &reqwest::Client,
    base_url: &str,
    method: &str,
    params: &[(&str, &str)],
    backoff: ExponentialBuilder,
) -> Outcome {
    let attempts = AtomicUsize::new(0);
    let once = || async {
        attempts.fetch_add(1, Ordering::Relaxed);
        let query = [("method", method), ("format", "json")];
        let url = reqwest::Url::parse_with_params(base_url, query.iter().chain(params))
            .map_err(|error| ClientError::request(error, false))?;
        let response = client.get(url).send().await.map_err(request_error)?;
        response.reply::<ErrorCode>().await
    };
    let result = once
        .retry(backoff)
        // The spec's advice: "later" (8, 11, 16), "backoff" (29) and "poll" (14) are
        // worth another try; "never" (6, 10, ...), "reauthenticate" and "fatal" are not.
        .when(ClientError::is_transient)
        // Retry-After wins over the backoff's delay, up to MAX_WAIT; the backoff still
        // decides how many attempts there are.
        .adjust(|error, delay| {
            let delay = delay?;
            match error.retry_after() {
                Some(wait) if wait > MAX_WAIT => None,
                Some(wait) => Some(wait),
                None => Some(delay),
            }
        })
        .notify(|error, delay| eprintln!("retrying in {delay:?}: {error}"))
        .await;
    Outcome {
        result,
        attempts: attempts.into_inner(),
    }
}

#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), Box<dyn Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [base_url, method, params @ ..] = args.as_slice() else {
        return Err("usage: lastfm-client BASE_URL METHOD [NAME=VALUE]...".into());
    };
    let params: Vec<(&str, &str)> = params
        .iter()
        .map(|param| param.split_once('=').ok_or("a parameter is NAME=VALUE"))
        .collect::<Result<_, _>>()?;
    let client = reqwest::Client::builder()
        .timeout(Duration::from_secs(30))
        .build()?;
    let backoff = ExponentialBuilder::default().with_max_times(4);
    let outcome = call(&client, base_url, method, &params, backoff).await;
    eprintln!("{} request(s)", outcome.attempts);
    if let Err(error) = &outcome.result {
        let advice = error.retry().map_or("none", |retry| retry.as_str());
        eprintln!("error: {error}\nretry advice: {advice}");
    }
    // `?` takes the ClientError into Box<dyn Error>.
    let body = outcome.result?;
    println!("{}", String::from_utf8_lossy(&body));
    Ok(())
}
