//! One module per page or journey.

mod home;
mod not_built_yet;
mod not_found;

pub use home::Home;
pub use not_built_yet::NotBuiltYet;
pub use not_found::NotFound;
