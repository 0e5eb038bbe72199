//! The request an [`ApiLayer`](super::ApiLayer) is answering, visible to the `IntoResponse`
//! of the errors its handler returns: while the layer polls the handler, an error is
//! rendered for the request at once, instead of being captured for the layer to render.
//!
//! The request sits in a thread-local only for the length of each poll (as tokio's
//! `task_local!` scopes a value), and is taken back out afterwards: a handler future that
//! moves to another thread between polls finds it there on each of them, and code that
//! runs outside the layer's polls (a spawned task) finds nothing and defers as before.

use core::cell::Cell;
use core::future::{Future, poll_fn};
use core::pin::pin;

use super::ApiRequest;

thread_local! {
    static ANSWERING: Cell<Option<ApiRequest<()>>> = const { Cell::new(None) };
}

/// Runs `future` with `request` as the request being answered during each of its polls.
pub(crate) async fn answering<F: Future>(request: ApiRequest<()>, future: F) -> F::Output {
    let mut future = pin!(future);
    let mut slot = Some(request);
    poll_fn(|cx| {
        let _entered = Entered::new(&mut slot);
        future.as_mut().poll(cx)
    })
    .await
}

/// `f` of the request being answered, if a layer is polling the caller.
pub(crate) fn with_answering<R>(f: impl FnOnce(&ApiRequest<()>) -> R) -> Option<R> {
    // Taken out while `f` runs: an error rendered inside `f` finds no request and defers.
    let request = ANSWERING.take()?;
    let result = f(&request);
    ANSWERING.set(Some(request));
    Some(result)
}

/// The request put in the thread-local for one poll; put back in its slot when dropped,
/// also when the poll panics, with whatever the thread-local held before restored.
struct Entered<'a> {
    slot: &'a mut Option<ApiRequest<()>>,
    previous: Option<ApiRequest<()>>,
}

impl<'a> Entered<'a> {
    fn new(slot: &'a mut Option<ApiRequest<()>>) -> Self {
        let previous = ANSWERING.replace(slot.take());
        Entered { slot, previous }
    }
}

impl Drop for Entered<'_> {
    fn drop(&mut self) {
        *self.slot = ANSWERING.replace(self.previous.take());
    }
}
