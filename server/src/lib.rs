//! Reference backend for the Astana Hub portal: the contract of `astana_hub_portal::api` over
//! HTTP, stored in SQLite, every submission checked with the same code as the browser.

pub mod app;
pub mod client;
pub mod clock;
pub mod config;
pub mod limits;
pub mod samples;
pub mod store;

use std::net::SocketAddr;
use std::sync::Arc;

use tokio::net::TcpListener;

use app::{AppState, router};
use clock::Clock;
use config::Config;
use store::Store;

/// Opens the store, binds, prints `listening on http://ADDR` on stdout (tests and scripts
/// read the port from it) and serves until Ctrl+C or SIGTERM.
pub async fn run(config: Config) -> Result<(), String> {
    let store = Store::open(&config.db)
        .map_err(|e| format!("cannot open the database {}: {}", config.db.display(), e.0))?;
    let listener = TcpListener::bind(SocketAddr::new(config.addr, config.port))
        .await
        .map_err(|e| format!("cannot listen on {}:{}: {e}", config.addr, config.port))?;
    let local = listener.local_addr().map_err(|e| e.to_string())?;
    println!("listening on http://{local}");
    let state = AppState {
        store,
        clock: Clock::new(config.today),
        allowed_origins: Arc::new(config.allowed_origins),
        quiet: config.quiet,
    };
    axum::serve(listener, router(state))
        .with_graceful_shutdown(shutdown())
        .await
        .map_err(|e| e.to_string())
}

async fn shutdown() {
    #[cfg(unix)]
    if let Ok(mut term) = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())
    {
        tokio::select! {
            _ = tokio::signal::ctrl_c() => {}
            _ = term.recv() => {}
        }
        return;
    }
    let _ = tokio::signal::ctrl_c().await;
}
