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

// Every page but home and "not found" is fetched when first visited (`ui::lazy`). A journey
// with steps has two chunks: its start page, what a visitor opens first, and the rest (its
// steps, "check your answers" and confirmation, under one route: see `JourneyPages`), so that
// the first page of a journey does not wait for the code of its steps.
lazy_page!(
    EligibilityRoute,
    eligibility,
    "eligibility",
    view! { <eligibility::Eligibility /> }
);
lazy_page!(
    EligibilityStepsRoute,
    eligibility_steps,
    "eligibility",
    view! { <JourneyPages pages=&ELIGIBILITY /> }
);
lazy_page!(FeesRoute, fees, "fees", view! { <fees::Fees /> });
lazy_page!(ApplyRoute, apply, "apply", view! { <apply::Apply /> });
lazy_page!(
    ApplyStepsRoute,
    apply_steps,
    "apply",
    view! { <JourneyPages pages=&APPLY /> }
);
lazy_page!(
    AccelerationRoute,
    acceleration,
    "acceleration",
    view! { <acceleration::Acceleration /> }
);
lazy_page!(
    AccelerationStepsRoute,
    acceleration_steps,
    "acceleration",
    view! { <JourneyPages pages=&ACCELERATION /> }
);
lazy_page!(
    InvitationsRoute,
    invitations,
    "invitations",
    view! { <invitations::Invitations /> }
);
lazy_page!(
    InvitationsStepsRoute,
    invitations_steps,
    "invitations",
    view! { <JourneyPages pages=&INVITATIONS /> }
);
lazy_page!(
    ListRequestRoute,
    list_request,
    "list_request",
    view! { <list_request::ListRequestStart /> }
);
lazy_page!(
    ListRequestStepsRoute,
    list_request_steps,
    "list_request",
    view! { <JourneyPages pages=&LIST_REQUEST /> }
);
lazy_page!(
    StatusRoute,
    status,
    "status",
    view! { <status::StatusPage /> }
);

/// The pages under a journey's start page, `/<journey>/*rest` to the router: `rest` is a
/// step's slug at `/<journey>/<step>`, and `confirmation/<reference>` at the confirmation of a
/// submission. One route for them all rather than one a page keeps the router's code, which is
/// in the first load, small.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum JourneyPage {
    Step,
    Confirmation,
    Unknown,
}

impl JourneyPage {
    fn of(rest: &str) -> JourneyPage {
        let mut parts = rest.split('/');
        match (parts.next(), parts.next(), parts.next()) {
            (Some(slug), None, _) if !slug.is_empty() => JourneyPage::Step,
            (Some("confirmation"), Some(reference), None) if !reference.is_empty() => {
                JourneyPage::Confirmation
            }
            _ => JourneyPage::Unknown,
        }
    }
}

/// The rest of the address after the journey's (reactive): a step's slug on a step's page.
fn step_slug() -> impl Fn() -> String + Copy + Send + Sync + 'static {
    let params = leptos_router::hooks::use_params_map();
    move || params.with(|p| p.get("rest").unwrap_or_default())
}

/// The reference a confirmation's address names.
fn confirmed_reference() -> String {
    let rest = step_slug();
    rest()
        .strip_prefix("confirmation/")
        .unwrap_or_default()
        .to_owned()
}

/// The views of a journey's pages after its start, by what the address names ([`JourneyPage`]).
struct Pages {
    step: fn() -> AnyView,
    confirmation: Option<fn() -> AnyView>,
}

const ELIGIBILITY: Pages = Pages {
    step: || view! { <eligibility::EligibilityStep /> }.into_any(),
    confirmation: None,
};

const APPLY: Pages = Pages {
    step: || view! { <apply::ApplyStep /> }.into_any(),
    confirmation: Some(|| view! { <apply::Confirmation /> }.into_any()),
};

const ACCELERATION: Pages = Pages {
    step: || view! { <acceleration::AccelerationStep /> }.into_any(),
    confirmation: Some(|| view! { <acceleration::AccelerationConfirmation /> }.into_any()),
};

const INVITATIONS: Pages = Pages {
    step: || view! { <invitations::InvitationStep /> }.into_any(),
    confirmation: Some(|| view! { <invitations::InvitationConfirmation /> }.into_any()),
};

const LIST_REQUEST: Pages = Pages {
    step: || view! { <list_request::ListRequestStep /> }.into_any(),
    confirmation: Some(|| view! { <list_request::ListRequestConfirmation /> }.into_any()),
};

/// Shows the journey's page the address names; moving between its steps keeps the step page,
/// which follows its slug itself.
#[component]
fn JourneyPages(pages: &'static Pages) -> impl IntoView {
    let rest = step_slug();
    let page = Memo::new(move |_| JourneyPage::of(&rest()));
    move || match (page.get(), pages.confirmation) {
        (JourneyPage::Step, _) => (pages.step)(),
        (JourneyPage::Confirmation, Some(confirmation)) => confirmation(),
        _ => view! { <NotFound /> }.into_any(),
    }
}
