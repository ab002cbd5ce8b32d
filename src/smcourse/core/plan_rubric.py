"""The one rubric for judging a capstone plan, shown word for word in lesson 06, its instructor
note and assignment 06, which formgrader shows (a test keeps them identical). The builder's checks
cover what is missing or unworkable; this rubric covers what only a person can judge."""

LEVELS = ("0: missing or unworkable", "1: present and workable", "2: convincing")
CRITERIA = {
    "Audit and insight": (
        "no audit, or no personas",
        "presences, numbers, a competitor and personas with a journey stage",
        "the audit's numbers are from the twelve months before the plan starts, and they and the "
        "competitor shape the choices that follow; each persona drives content somewhere"),
    "Fit and evidence": (
        "a generic plan, or numbers with no source",
        "the plan is about the learner's own business, and every baseline says where it comes from",
        "the choices fit this business's customers, size and hours, and its numbers come from "
        "evidence: the learner's own export or records, each baseline sourced, none borrowed from "
        "Lumen or the course data"),
    "Objectives": (
        "no objective tied to a business outcome",
        "each objective has an outcome, a metric, a baseline, a target and a date",
        "each outcome is counted by a metric that measures it; targets move beyond the metric's "
        "week-to-week noise, with a reason to expect the change; every chosen activity is "
        "measured"),
    "Strategy": (
        "channels without a purpose",
        "channels, named pillars, a mix and a cadence for each channel",
        "channels are where the audience already is and follow the baseline (one the data shows "
        "does little is cut or justified), with an owned fallback; each mix suits the channel's "
        "persona"),
    "Implementation": (
        "promises nobody can keep",
        "staffing with someone on every staffed day and cover for days off, crisis, disclosure and "
        "budget written and adding up",
        "the hours leave room for a busy week and the surge is priced; the budget sets what the "
        "plan adds to today's spending against what that buys; the crisis policy could be "
        "followed at 21:00 on a Saturday"),
    "Scoring and next steps": (
        "no reporting, or actions without owners",
        "a reporting rhythm and four owned, dated actions",
        "the first report comes early enough to change course; the plan names its weakest "
        "dimension (module 3's behaviour scores or self-assessment) and acts on it first"),
    "Coherence": (
        "parts contradict each other",
        "parts consistent",
        "a reader can follow outcome → persona → channel → pillar → metric"),
}
POINTS = 2 * len(CRITERIA)

RUBRIC = "\n".join([
    f"| Criterion | {' | '.join(LEVELS)} |", "|---|---|---|---|",
    *(f"| {name} | {' | '.join(levels)} |" for name, levels in CRITERIA.items()),
    "",
    f"Score each row 0, 1 or 2, out of {POINTS} in all, on what the exported plan says (a part "
    "still under *Still open*\nhas already cost its automatic point: judge the row on the rest). "
    "From 12 the plan is ready to present;\n7 to 11 needs one more round; below 7 needs a "
    "conversation before the next session.",
]) + "\n"
