//! An OpenSubsonic server on axum whose errors come from `#[derive(ApiError)]`:
//!
//! ```text
//! cargo run -p errors-core --features axum --example subsonic-server -- --listen 127.0.0.1:4040
//! curl 'http://127.0.0.1:4040/rest/getSong.view?u=demo&p=wrong&v=1.16.1&c=curl&f=json&id=1'
//! ```
//!
//! User `demo`, password `demo` (`p=demo`, `p=enc:64656d6f`, or `t` = md5(password + `s`)).
//! Prints the address it listens on; port 0 picks a free one.

#[path = "subsonic_server/app.rs"]
mod app;

use std::net::SocketAddr;

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let mut listen: SocketAddr = SocketAddr::from(([127, 0, 0, 1], 4040));
    while let Some(arg) = args.next() {
        match (arg.as_str(), args.next()) {
            ("--listen", Some(address)) => listen = address.parse()?,
            _ => return Err("usage: subsonic-server [--listen ADDRESS:PORT]".into()),
        }
    }
    let listener = tokio::net::TcpListener::bind(listen).await?;
    println!("listening on http://{}", listener.local_addr()?);
    axum::serve(listener, app::router()).await?;
    Ok(())
}
