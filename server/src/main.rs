use astana_hub_server::config::{Config, USAGE};

const HELP: &str = "
Serves the portal's API contract on SQLite. Each flag can be set by a variable instead:
  --addr IP               AHS_ADDR           listen address (default 127.0.0.1)
  --port N                AHS_PORT           port (default 8081; 0 picks a free one)
  --db PATH               AHS_DB             database file (default astana-hub.sqlite3)
  --allow-origin ORIGIN   AHS_ALLOW_ORIGINS  browser origin allowed to call (repeat, or comma-separated)
  --today YYYY-MM-DD      AHS_TODAY          fixed \"today\" (default: today in Astana, UTC+5)
  --quiet                 AHS_QUIET=1        no log line per request";

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
