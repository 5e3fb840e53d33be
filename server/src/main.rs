use astana_hub_server::config::{Config, USAGE};

const HELP: &str = "
Serves the portal's API contract on SQLite or PostgreSQL. Each flag can be set by a variable instead:
  --addr IP                 AHS_ADDR                  listen address (default 127.0.0.1)
  --port N                  AHS_PORT                  port (default 8081; 0 picks a free one)
  --db PATH|URL             AHS_DB                    SQLite file (default astana-hub.sqlite3), or
                                                      postgres://user:password@host:port/database
  --db-pool N               AHS_DB_POOL               PostgreSQL connections of this instance (default 16)
  --allow-origin ORIGIN     AHS_ALLOW_ORIGINS         browser origin allowed to call (repeat, or comma-separated)
  --today YYYY-MM-DD        AHS_TODAY                 fixed \"today\" (default: today in Astana, UTC+5)
  --request-timeout-s N     AHS_REQUEST_TIMEOUT_S     answer 503 after this long (default 10)
  --status-per-client N     AHS_STATUS_PER_CLIENT     status lookups per window from one address (default 60)
  --status-per-reference N  AHS_STATUS_PER_REFERENCE  status lookups per window for one reference (default 10)
  --status-window-s N       AHS_STATUS_WINDOW_S       the window, in seconds (default 600)
  --client-ip-header NAME   AHS_CLIENT_IP_HEADER      behind a load balancer: the header it writes the
                                                      client's address into (X-Forwarded-For)
  --quiet                   AHS_QUIET=1               no log line per request";

#[tokio::main]
async fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.iter().any(|a| a == "--help" || a == "-h") {
        println!("{USAGE}\n{HELP}");
        return;
    }
    let result = match Config::from_sources(&args, |k| std::env::var(k).ok()) {
        Ok(config) => astana_hub_server::run(config).await,
        Err(e) => Err(e),
    };
    if let Err(e) = result {
        eprintln!("astana-hub-server: {e}");
        std::process::exit(1);
    }
}
