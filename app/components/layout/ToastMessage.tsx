import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { messageKey } from "~/lib/i18n/keys";

export interface ToastData {
  key: string;
  params?: Record<string, string | number>;
  kind?: "success" | "info" | "error";
}

export function ToastMessage({ toast }: { toast: ToastData | null }) {
  const { t } = useTranslation();
  const [visible, setVisible] = useState<ToastData | null>(toast);
  useEffect(() => {
    setVisible(toast);
    if (!toast) return;
    const timer = setTimeout(() => setVisible(null), 6000);
    return () => clearTimeout(timer);
  }, [toast]);
  if (!visible) return null;
  return (
    <div className={`toast toast--${visible.kind ?? "success"}`} role="status" aria-live="polite">
      <span>{t(messageKey("common", visible.key), visible.params)}</span>
      <button type="button" className="toast__close" onClick={() => setVisible(null)} aria-label={t("toast.close")}>
        ×
      </button>
    </div>
  );
}
