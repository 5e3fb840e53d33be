//! Reference backend for the Astana Hub portal: the contract of `astana_hub_portal::api` over
//! HTTP, stored in SQLite or PostgreSQL, every submission checked with the same code as the
//! browser.

pub mod app;
pub mod client;
pub mod clock;
pub mod config;
pub mod limits;
pub mod lookups;
pub mod samples;
pub mod store;
pub mod testbed;

use std::net::SocketAddr;
use std::sync::Arc;

use tokio::net::TcpListener;

use app::{AppState, router};
use clock::Clock;
use config::Config;
use lookups::Lookups;
use store::{Store, is_postgres};

/// Opens the store, binds, prints `listening on http://ADDR` on stdout (tests and scripts
/// read the port from it) and serves until Ctrl+C or SIGTERM, then finishes the requests in
/// flight.
pub async fn run(config: Config) -> Result<(), String> {
    // A PostgreSQL address may hold a password: it is not repeated.
    let named = if is_postgres(&config.db) {
        "PostgreSQL"
    } else {
        config.db.as_str()
    };
    let store = Store::open(&config.db, config.db_pool)
        .await
        .map_err(|e| format!("cannot open the database {named}: {}", e.0))?;
    let listener = TcpListener::bind(SocketAddr::new(config.addr, config.port))
        .await
        .map_err(|e| format!("cannot listen on {}:{}: {e}", config.addr, config.port))?;
    let local = listener.local_addr().map_err(|e| e.to_string())?;
    println!("listening on http://{local}");
    let lookups = Arc::new(Lookups::new(config.status_limits));
    let idle = Arc::clone(&lookups);
    tokio::spawn(async move {
        let mut every = tokio::time::interval(config.status_limits.window);
        loop {
            every.tick().await;
            idle.forget_idle();
        }
    });
    let state = AppState {
        store,
        clock: Clock::new(config.today),
        allowed_origins: Arc::new(config.allowed_origins),
        request_timeout: config.request_timeout,
        lookups,
        client_ip_header: config.client_ip_header,
        document_lifetime_days: config.document_lifetime_days,
        quiet: config.quiet,
    };
    let service = router(state).into_make_service_with_connect_info::<SocketAddr>();
    axum::serve(listener, service)
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
