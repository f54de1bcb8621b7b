import { Form, Link, NavLink, useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { Role } from "~/auth/policy";
import { messageKey } from "~/lib/i18n/keys";
import { LanguageSwitch } from "./LanguageSwitch";
import { navLayout, type NavItem } from "./nav";

export interface ShellUser {
  name: string;
  email: string;
  roles: Role[];
}

function NavItemLink({ item }: { item: NavItem }) {
  const { t } = useTranslation();
  return (
    <NavLink to={item.to} end={item.to === "/"} prefetch="intent">
      {t(messageKey("common", item.label))}
    </NavLink>
  );
}

// A <details> menu works without JavaScript and with the keyboard; keyed by the path so that
// following one of its links closes it.
function OfficeMenu({ items }: { items: NavItem[] }) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const here = items.some((i) => pathname === i.to || pathname.startsWith(`${i.to}/`));
  return (
    <li className="nav-more">
      <details key={pathname}>
        <summary className={here ? "active" : undefined}>{t("nav.office")}</summary>
        <ul className="nav-more__panel">
          {items.map((item) => (
            <li key={item.to}>
              <NavItemLink item={item} />
            </li>
          ))}
        </ul>
      </details>
    </li>
  );
}

export function Header({ user, extras }: { user: ShellUser | null; extras?: React.ReactNode }) {
  const { t } = useTranslation();
  const nav = user ? navLayout(user) : null;
  return (
    <header className="site-header">
      <div className="site-header__inner">
        <Link to="/" className="brand">
          <span className="brand__mark" aria-hidden="true">
            微
          </span>
          <span>{t("app.name")}</span>
        </Link>
        {nav ? (
          <nav aria-label={t("nav.label")} className="main-nav">
            <ul>
              {nav.row.map((item) => (
                <li key={item.to}>
                  <NavItemLink item={item} />
                </li>
              ))}
              {nav.office.length ? <OfficeMenu items={nav.office} /> : null}
            </ul>
          </nav>
        ) : (
          <span className="main-nav" />
        )}
        <div className="header-tools">
          {extras}
          <LanguageSwitch />
          {user ? (
            <details className="user-menu">
              <summary aria-label={t("user.menu")}>
                <span className="avatar" aria-hidden="true">
                  {user.name.slice(0, 1)}
                </span>
                <span className="user-menu__name">{user.name}</span>
              </summary>
              <div className="user-menu__panel">
                <p className="muted small">{user.email}</p>
                <p className="small">{user.roles.map((r) => t(messageKey("common", `role.${r}`))).join(" · ")}</p>
                <Link to="/account/password">{t("user.password")}</Link>
                <Form method="post" action="/logout">
                  <button type="submit" className="link-button">
                    {t("user.signOut")}
                  </button>
                </Form>
              </div>
            </details>
          ) : null}
        </div>
      </div>
    </header>
  );
}
