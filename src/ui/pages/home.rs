//! The start page: the four procedures, what each needs and how long it takes.

use leptos::prelude::*;

use crate::ui::{i18n::use_i18n, link, page::Page};

/// One procedure on the start page; the texts are `home.<id>.title`, `.summary`, `.needs`
/// and `.time`.
struct Procedure {
    href: &'static str,
    title: &'static str,
    summary: &'static str,
    needs: &'static str,
    time: &'static str,
}

const PROCEDURES: [Procedure; 4] = [
    Procedure {
        href: "/eligibility",
        title: "home.eligibility.title",
        summary: "home.eligibility.summary",
        needs: "home.eligibility.needs",
        time: "home.eligibility.time",
    },
    Procedure {
        href: "/fees",
        title: "home.fees.title",
        summary: "home.fees.summary",
        needs: "home.fees.needs",
        time: "home.fees.time",
    },
    Procedure {
        href: "/acceleration",
        title: "home.acceleration.title",
        summary: "home.acceleration.summary",
        needs: "home.acceleration.needs",
        time: "home.acceleration.time",
    },
    Procedure {
        href: "/invitations",
        title: "home.invitations.title",
        summary: "home.invitations.summary",
        needs: "home.invitations.needs",
        time: "home.invitations.time",
    },
];

#[component]
pub fn Home() -> impl IntoView {
    let i18n = use_i18n();
    let t = move |key: &'static str| move || i18n.t(key);
    view! {
        <Page title="home.title">
            <p class="lead">{t("home.lead")}</p>
            <ul class="procedures">
                {PROCEDURES
                    .iter()
                    .map(|p| {
                        view! {
                            <li class="procedure">
                                <h2 class="heading-m">
                                    <a href=link(p.href)>{t(p.title)}</a>
                                </h2>
                                <p>{t(p.summary)}</p>
                                <dl class="procedure__facts">
                                    <dt>{t("home.needs")}</dt>
                                    <dd>{t(p.needs)}</dd>
                                    <dt>{t("home.time")}</dt>
                                    <dd>{t(p.time)}</dd>
                                </dl>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
            <h2 class="heading-m">{t("home.status.title")}</h2>
            <p>
                <a href=link("/status")>{t("home.status.link")}</a>
            </p>
        </Page>
    }
}
