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
mod list_request;
mod not_found;
mod status;

use leptos::prelude::*;

use crate::lazy_page;

pub use home::Home;
pub use not_found::NotFound;

// Every page but home and "not found" is fetched when first visited (`ui::lazy`), one chunk a
// journey.
lazy_page!(EligibilityRoute, eligibility, eligibility::Eligibility);
lazy_page!(
    EligibilityStepRoute,
    eligibility,
    eligibility::EligibilityStep
);
lazy_page!(FeesRoute, fees, fees::Fees);
lazy_page!(ApplyRoute, apply, apply::Apply);
lazy_page!(ApplyStepRoute, apply, apply::ApplyStep);
lazy_page!(ApplyConfirmationRoute, apply, apply::Confirmation);
lazy_page!(AccelerationRoute, acceleration, acceleration::Acceleration);
lazy_page!(
    AccelerationStepRoute,
    acceleration,
    acceleration::AccelerationStep
);
lazy_page!(
    AccelerationConfirmationRoute,
    acceleration,
    acceleration::AccelerationConfirmation
);
lazy_page!(InvitationsRoute, invitations, invitations::Invitations);
lazy_page!(
    InvitationStepRoute,
    invitations,
    invitations::InvitationStep
);
lazy_page!(
    InvitationConfirmationRoute,
    invitations,
    invitations::InvitationConfirmation
);
lazy_page!(
    ListRequestRoute,
    list_request,
    list_request::ListRequestStart
);
lazy_page!(
    ListRequestStepRoute,
    list_request,
    list_request::ListRequestStep
);
lazy_page!(
    ListRequestConfirmationRoute,
    list_request,
    list_request::ListRequestConfirmation
);
lazy_page!(StatusRoute, status, status::StatusPage);
