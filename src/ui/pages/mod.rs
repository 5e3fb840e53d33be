//! One module per page or journey.

mod acceleration;
mod apply;
mod eligibility;
mod fees;
// The generic form components live beside the pages that use them, in ui/form.
#[path = "../form/mod.rs"]
pub mod form;
mod home;
mod invitations;
mod not_found;
mod status;

pub use acceleration::{Acceleration, AccelerationConfirmation, AccelerationStep};
pub use apply::{Apply, ApplyStep, Confirmation};
pub use eligibility::{Eligibility, EligibilityStep};
pub use fees::Fees;
pub use home::Home;
pub use invitations::{InvitationConfirmation, InvitationStep, Invitations};
pub use not_found::NotFound;
pub use status::StatusPage;
