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
// journey, under one route a journey (see `JourneyPages`).
lazy_page!(
    EligibilityRoute,
    eligibility,
    view! { <JourneyPages pages=&ELIGIBILITY /> }
);
lazy_page!(FeesRoute, fees, view! { <fees::Fees /> });
lazy_page!(ApplyRoute, apply, view! { <JourneyPages pages=&APPLY /> });
lazy_page!(
    AccelerationRoute,
    acceleration,
    view! { <JourneyPages pages=&ACCELERATION /> }
);
lazy_page!(
    InvitationsRoute,
    invitations,
    view! { <JourneyPages pages=&INVITATIONS /> }
);
lazy_page!(
    ListRequestRoute,
    list_request,
    view! { <JourneyPages pages=&LIST_REQUEST /> }
);
lazy_page!(StatusRoute, status, view! { <status::StatusPage /> });

/// The pages a journey's address names, `/<journey>/*rest` to the router: `rest` is empty at
/// the journey's start, a step's slug at `/<journey>/<step>`, and `confirmation/<reference>` at
/// the confirmation of a submission. One route a journey rather than one a page keeps the
/// router's code, which is in the first load, small.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum JourneyPage {
    Start,
    Step,
    Confirmation,
    Unknown,
}

impl JourneyPage {
    fn of(rest: &str) -> JourneyPage {
        let mut parts = rest.split('/');
        match (parts.next(), parts.next(), parts.next()) {
            (Some(""), None, _) => JourneyPage::Start,
            (Some(_), None, _) => JourneyPage::Step,
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

/// The views of a journey's pages, by what its address names ([`JourneyPage`]).
struct Pages {
    start: fn() -> AnyView,
    step: fn() -> AnyView,
    confirmation: Option<fn() -> AnyView>,
}

const ELIGIBILITY: Pages = Pages {
    start: || view! { <eligibility::Eligibility /> }.into_any(),
    step: || view! { <eligibility::EligibilityStep /> }.into_any(),
    confirmation: None,
};

const APPLY: Pages = Pages {
    start: || view! { <apply::Apply /> }.into_any(),
    step: || view! { <apply::ApplyStep /> }.into_any(),
    confirmation: Some(|| view! { <apply::Confirmation /> }.into_any()),
};

const ACCELERATION: Pages = Pages {
    start: || view! { <acceleration::Acceleration /> }.into_any(),
    step: || view! { <acceleration::AccelerationStep /> }.into_any(),
    confirmation: Some(|| view! { <acceleration::AccelerationConfirmation /> }.into_any()),
};

const INVITATIONS: Pages = Pages {
    start: || view! { <invitations::Invitations /> }.into_any(),
    step: || view! { <invitations::InvitationStep /> }.into_any(),
    confirmation: Some(|| view! { <invitations::InvitationConfirmation /> }.into_any()),
};

const LIST_REQUEST: Pages = Pages {
    start: || view! { <list_request::ListRequestStart /> }.into_any(),
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
        (JourneyPage::Start, _) => (pages.start)(),
        (JourneyPage::Step, _) => (pages.step)(),
        (JourneyPage::Confirmation, Some(confirmation)) => confirmation(),
        _ => view! { <NotFound /> }.into_any(),
    }
}
