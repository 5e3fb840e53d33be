use astana_hub_server::config::Config;

#[tokio::main]
async fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match Config::from_sources(&args, |k| std::env::var(k).ok()) {
        Ok(config) => astana_hub_server::run(config).await,
        Err(e) => Err(e),
    };
    if let Err(e) = result {
        eprintln!("astana-hub-server: {e}");
        std::process::exit(1);
    }
}
