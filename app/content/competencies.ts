// The 11 indicators of the agent competency model (DOMAIN.md section 3), by id.
export const COMPETENCY_IDS = [
  "read-customer-info",
  "product-knowledge",
  "understand-needs",
  "offer-solution",
  "communication",
  "self-management",
  "teamwork",
  "self-motivation",
  "continuous-learning",
  "reflective-practice",
  "it-application",
] as const;
export type CompetencyId = (typeof COMPETENCY_IDS)[number];

/**
 * The one list of competency labels: the source's own eleven terms (表1, 投诉处理岗位核心能力评价
 * 指标) and their English. Every screen that names a competency takes its label from here.
 */
export const COMPETENCY_LABELS: Record<CompetencyId, { zh: string; en: string }> = {
  "read-customer-info": { zh: "客户信息解读能力", en: "Reading customer information" },
  "product-knowledge": { zh: "产品知识运用能力", en: "Applying product knowledge" },
  "understand-needs": { zh: "理解客户需求能力", en: "Understanding customer needs" },
  "offer-solution": { zh: "提供适合产品或服务的能力", en: "Offering the right product or service" },
  communication: { zh: "人际沟通能力", en: "Interpersonal communication" },
  "self-management": { zh: "自我管理能力", en: "Self-management" },
  teamwork: { zh: "团队协作能力", en: "Teamwork" },
  "self-motivation": { zh: "自我激励能力", en: "Self-motivation" },
  "continuous-learning": { zh: "持续获取知识及应用能力", en: "Continuous learning and application" },
  "reflective-practice": { zh: "反思实践能力", en: "Reflective practice" },
  "it-application": { zh: "信息技术应用能力", en: "IT application" },
};

/** Translation entries `<prefix>.<id>` for one language, built from COMPETENCY_LABELS. */
export function competencyMessages<P extends string>(prefix: P, lang: "zh" | "en"): Record<`${P}.${CompetencyId}`, string> {
  return Object.fromEntries(COMPETENCY_IDS.map((id) => [`${prefix}.${id}`, COMPETENCY_LABELS[id][lang]])) as Record<`${P}.${CompetencyId}`, string>;
}

export const AREAS = ["business", "customer-service", "supporting"] as const;
export const GRADES = ["junior", "intermediate", "senior", "expert"] as const;
export const STATUSES = ["draft", "trial", "accepted", "retired"] as const;
export const MERGES = ["none", "half-day", "full-day"] as const;
export type CourseStatus = (typeof STATUSES)[number];

export function isCompetencyId(v: string): v is CompetencyId {
  return (COMPETENCY_IDS as readonly string[]).includes(v);
}
