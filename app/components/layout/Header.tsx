import { Form, Link, NavLink } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { Role } from "~/auth/policy";
import { messageKey } from "~/lib/i18n/keys";
import { LanguageSwitch } from "./LanguageSwitch";
import { navFor } from "./nav";

export interface ShellUser {
  name: string;
  email: string;
  roles: Role[];
}

export function Header({ user, extras }: { user: ShellUser | null; extras?: React.ReactNode }) {
  const { t } = useTranslation();
  return (
    <header className="site-header">
      <div className="site-header__inner">
        <Link to="/" className="brand">
          <span className="brand__mark" aria-hidden="true">
            微
          </span>
          <span>{t("app.name")}</span>
        </Link>
        {user ? (
          <nav aria-label={t("nav.label")} className="main-nav">
            <ul>
              {navFor(user).map((item) => (
                <li key={item.to}>
                  <NavLink to={item.to} end={item.to === "/"} prefetch="intent">
                    {t(messageKey("common", item.label))}
                  </NavLink>
                </li>
              ))}
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
