import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";

// Styled inline: the header appears on every page, which do not all load the workflow styles.
const bell: React.CSSProperties = {
  position: "relative",
  display: "inline-flex",
  alignItems: "center",
  justifyContent: "center",
  width: "2.25rem",
  height: "2.25rem",
  borderRadius: "50%",
  border: "1px solid var(--c-border)",
  textDecoration: "none",
  color: "var(--c-text)",
};
const badge: React.CSSProperties = {
  position: "absolute",
  top: "-0.3rem",
  right: "-0.3rem",
  minWidth: "1.2rem",
  height: "1.2rem",
  padding: "0 0.25rem",
  borderRadius: "999px",
  background: "var(--c-danger)",
  color: "#fff",
  fontSize: "0.7rem",
  fontWeight: 700,
  display: "grid",
  placeItems: "center",
};

export function NotificationBell({ count }: { count: number }) {
  const { t } = useTranslation("workflow");
  return (
    <Link to="/notifications" style={bell} aria-label={t("bell.label", { count })} data-testid="bell">
      <svg
        width="18"
        height="18"
        viewBox="0 0 24 24"
        fill="none"
        stroke="currentColor"
        strokeWidth="2"
        aria-hidden="true"
      >
        <path d="M18 8a6 6 0 1 0-12 0c0 7-3 9-3 9h18s-3-2-3-9" />
        <path d="M13.7 21a2 2 0 0 1-3.4 0" />
      </svg>
      {count > 0 ? (
        <span style={badge} data-testid="bell-count">
          {count > 99 ? "99+" : count}
        </span>
      ) : null}
    </Link>
  );
}
