// A practice check judged in the page (smcourse.widgets.PracticeCard): the card's front end, and
// `judge`, the twin of smcourse.practice's `Question.check` (tests/test_judge_equivalence.py holds
// the two to the same verdict and message). `spec` is `Question.spec()`. Check, Hint and Show answer
// answer at once, with or without a kernel; when there is one, each check and hint is sent to it
// afterwards for the learner's attempts log.

const BLANK = /^[ \t\n\r\f\v]+|[ \t\n\r\f\v]+$/g;
const NUMBER = /^[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?$/;
const THOUSANDS = /^[+-]?[0-9]{1,3}(,[0-9]{3})+(\.[0-9]*)?([eE][+-]?[0-9]+)?$/;  // practice.THOUSANDS
const PLACEHOLDER = "— choose —";
const ICONS = { correct: "✓", incorrect: "✗", invalid: "⚠", hint: "ℹ", solution: "ℹ" };

class InvalidAnswer extends Error {}

const strip = text => text.replace(BLANK, "");
const isMapping = value => value !== null && typeof value === "object" && !Array.isArray(value);
const entry = (mapping, key) => (Object.hasOwn(mapping, key) ? mapping[key] : undefined);

// smcourse.practice.short_number: six significant digits, as Python's "%g" writes them.
export function shortNumber(number) {
  if (number === 0) return "0";
  const [mantissa, power] = Math.abs(number).toExponential(5).split("e");
  const digits = mantissa.replace(".", "");
  const exponent = Number(power);
  const decimals = fraction => (fraction.replace(/0+$/, "") ? "." + fraction.replace(/0+$/, "") : "");
  let text;
  if (exponent >= -4 && exponent < 6) {
    const [whole, fraction] = exponent >= 0
      ? [digits.slice(0, exponent + 1), digits.slice(exponent + 1)]
      : ["0", "0".repeat(-exponent - 1) + digits];
    text = whole + decimals(fraction);
  } else {
    text = digits[0] + decimals(digits.slice(1)) +
      `e${exponent < 0 ? "-" : "+"}${String(Math.abs(exponent)).padStart(2, "0")}`;
  }
  return (number < 0 ? "-" : "") + text;
}

// smcourse.practice._named: how a message names an answer
function named(answer) {
  if (typeof answer === "string") return `“${answer}”`;
  if (typeof answer === "number" && Number.isFinite(answer)) return shortNumber(answer);
  return "That";
}

function parseNumber(answer) {
  if (typeof answer === "boolean") throw new InvalidAnswer("Type a number, like 0.034 or 3.4%.");
  let number;
  if (typeof answer === "number") {
    number = answer;
  } else if (typeof answer === "string" && strip(answer)) {
    const text = strip(answer).replaceAll(" ", "");
    const written = text.replace(/%+$/, "");
    let digits = written;
    if (digits.includes(",")) {
      if (!THOUSANDS.test(digits)) {
        throw new InvalidAnswer(`“${strip(answer)}”: write decimals with a point (4.5); a comma only separates thousands (1,250).`);
      }
      digits = digits.replaceAll(",", "");
    }
    if (!NUMBER.test(digits)) {
      throw new InvalidAnswer(`“${strip(answer)}” is not a number. Type digits, like 0.034 or 3.4%.`);
    }
    number = Number(digits) * (written !== text ? 0.01 : 1.0);
  } else if (answer === null || answer === undefined || typeof answer === "string") {
    throw new InvalidAnswer("Type a number first.");
  } else {
    throw new InvalidAnswer("Type a number, like 0.034 or 3.4%.");
  }
  if (!Number.isFinite(number)) throw new InvalidAnswer("Type an ordinary (finite) number.");
  return number;
}

const ordinal = number => {
  const suffix = number % 100 >= 10 && number % 100 <= 20
    ? "th" : ({ 1: "st", 2: "nd", 3: "rd" }[number % 10] || "th");
  return `${number}${suffix}`;
};

const matchesRight = (spec, value) => spec.items.filter(item => value[item] === spec.pairs[item]).length;

function parseMatching(spec, answer) {
  if (!isMapping(answer)) throw new InvalidAnswer("Choose a match for every item.");
  const chosen = Object.fromEntries(spec.items.map(item => [item, entry(answer, item)]));
  const missing = spec.items.filter(item => typeof chosen[item] !== "string" || !chosen[item]);
  if (missing.length) throw new InvalidAnswer(`Choose a match for: ${missing.join(", ")}.`);
  const unknown = spec.items.map(item => chosen[item]).filter(match => !spec.options.includes(match));
  if (unknown.length) throw new InvalidAnswer(`Not an option here: ${unknown.join(", ")}.`);
  return chosen;
}

const KINDS = {
  choice: {
    parse(spec, answer) {
      if (answer === null || answer === undefined || (typeof answer === "string" && !strip(answer))) {
        throw new InvalidAnswer("Pick one of the options first.");
      }
      if (typeof answer !== "string" || !spec.options.includes(answer)) {
        throw new InvalidAnswer(`${named(answer)} is not one of the options. ` +
                                `Choose one of: ${spec.options.join("; ")}.`);
      }
      return answer;
    },
    isRight: (spec, value) => value === spec.answer,
    whyWrong: (spec, value) => entry(spec.why, value) || notQuite(spec),
  },
  multiselect: {
    parse(spec, answer) {
      if (!Array.isArray(answer) || !answer.every(option => typeof option === "string")) {
        throw new InvalidAnswer("Tick the options that apply (give a list of options).");
      }
      const chosen = [...new Set(answer)];
      if (!chosen.length) throw new InvalidAnswer("Tick at least one option first.");
      const unknown = chosen.filter(option => !spec.options.includes(option));
      if (unknown.length) throw new InvalidAnswer(`Not an option here: ${unknown.join(", ")}.`);
      return chosen;
    },
    isRight: (spec, value) => value.length === spec.answers.length &&
      value.every(option => spec.answers.includes(option)),
    whyWrong(spec, value) {
      const found = value.filter(option => spec.answers.includes(option)).length;
      const extra = value.length - found;
      let text = `You found ${found} of the ${spec.answers.length} right options`;
      if (extra) text += ` and ticked ${extra} that ${extra === 1 ? "does" : "do"} not belong`;
      return text + ".";
    },
  },
  numeric: {
    parse: (spec, answer) => parseNumber(answer),
    isRight: (spec, value) => Math.abs(value - spec.answer) <= spec.tolerance + 1e-12,
    whyWrong: (spec, value) => `${shortNumber(value)} is ${value > spec.answer ? "too high" : "too low"}.` +
      (spec.hint ? " Try the hint." : ""),
  },
  matching: {
    parse: parseMatching,
    isRight: (spec, value) => matchesRight(spec, value) === spec.items.length,
    whyWrong: (spec, value) => `${matchesRight(spec, value)} of ${spec.items.length} matches are right.`,
  },
  ordering: {
    parse(spec, answer) {
      const positions = Array.isArray(answer)
        ? Object.fromEntries(answer.map((item, index) => [ordinal(index + 1), item])) : answer;
      const value = parseMatching(spec, positions);
      if (new Set(Object.values(value)).size !== spec.items.length) throw new InvalidAnswer("Use each item once.");
      return value;
    },
    isRight: (spec, value) => matchesRight(spec, value) === spec.items.length,
    whyWrong: (spec, value) => `${matchesRight(spec, value)} of ${spec.items.length} are in the right place.`,
  },
};

const notQuite = spec => "Not quite." + (spec.hint ? " Try the hint." : " Have another look.");

// The verdict on `answer` ({status, message}), as `Question.check` gives it; never throws.
export function judge(spec, answer) {
  const kind = KINDS[spec.kind];
  let value;
  try {
    value = kind.parse(spec, answer);
  } catch (problem) {
    if (problem instanceof InvalidAnswer) return { status: "invalid", message: problem.message };
    throw problem;
  }
  if (kind.isRight(spec, value)) {
    return { status: "correct", message: spec.explanation ? `Correct! ${spec.explanation}` : "Correct!" };
  }
  return { status: "incorrect", message: kind.whyWrong(spec, value) };
}

// --- the card ------------------------------------------------------------------------------------

const element = (tag, properties = {}, ...children) => {
  const node = Object.assign(document.createElement(tag), properties);
  node.append(...children);
  return node;
};

let cards = 0;

// The input for `spec`'s kind, and how to read the answer it holds.
function answerInput(spec, id, promptId) {
  if (spec.kind === "choice" || spec.kind === "multiselect") {
    const type = spec.kind === "choice" ? "radio" : "checkbox";
    const group = element("div", { className: "smcourse-options" });
    group.setAttribute("role", type === "radio" ? "radiogroup" : "group");
    group.setAttribute("aria-labelledby", promptId);
    const boxes = spec.options.map((option, index) => {
      const box = element("input", { type, name: id, value: option, id: `${id}-${index}` });
      group.append(element("div", {}, box, element("label", { htmlFor: box.id, textContent: option })));
      return box;
    });
    return {
      node: group,
      read: () => (type === "radio"
        ? (boxes.find(box => box.checked)?.value ?? null)
        : boxes.filter(box => box.checked).map(box => box.value)),
    };
  }
  if (spec.kind === "numeric") {
    const field = element("input", { type: "text", id: `${id}-number`, title: spec.prompt,
                                     placeholder: "a number, e.g. 0.034 or 3.4%" });
    field.setAttribute("autocomplete", "off");
    const row = element("div", { className: "smcourse-number" });
    if (spec.unit) row.append(element("label", { htmlFor: field.id, textContent: spec.unit }));
    else field.setAttribute("aria-labelledby", promptId);
    row.append(field);
    return { node: row, read: () => field.value };
  }
  // matching and ordering: one menu per item, named by the item it sits beside
  const rows = element("div", { className: "smcourse-matches" });
  const menus = spec.items.map((item, index) => {
    const menu = element("select", { id: `${id}-${index}` },
      element("option", { value: "", textContent: PLACEHOLDER }),
      ...spec.options.map(option => element("option", { value: option, textContent: option })));
    rows.append(element("div", {}, element("label", { htmlFor: menu.id, textContent: item }), menu));
    return menu;
  });
  return {
    node: rows,
    read: () => Object.fromEntries(spec.items.map((item, index) => [item, menus[index].value || null])),
  };
}

function render({ model, el }) {
  const spec = model.get("spec");
  const id = `smcourse-practice-${++cards}-${Math.random().toString(36).slice(2, 8)}`;
  const prompt = element("p", { className: "smcourse-prompt", id: `${id}-prompt` },
                         element("b", { textContent: spec.prompt }));
  const input = answerInput(spec, id, prompt.id);
  const feedback = element("div", { className: "smcourse-feedback" });
  feedback.setAttribute("role", "status");
  feedback.setAttribute("aria-live", "polite");
  let verdictShown = false;
  const say = (status, text, verdict = false) => {
    feedback.className = `smcourse-feedback smcourse-${status}`;
    feedback.textContent = `${ICONS[status]} ${text}`;
    verdictShown = verdict;
  };
  // after the verdict is on screen: the kernel, when there is one, logs the attempt (on a page with
  // no kernel the widget manager drops the message)
  const tell = content => setTimeout(() => model.send(content), 0);
  const button = (text, action) => {
    const node = element("button", { type: "button", textContent: text });
    node.addEventListener("click", action);
    return node;
  };
  const buttons = element("div", { className: "smcourse-buttons" });
  buttons.append(button("Check", () => {
    const answer = input.read();
    const verdict = judge(spec, answer);
    say(verdict.status, verdict.message, true);
    tell({ event: "check", answer });
  }));
  if (spec.hint) {
    buttons.append(button("Hint", () => {
      say("hint", spec.hint);
      tell({ event: "hint" });
    }));
  }
  buttons.append(button("Show answer", () => say("solution",
    `Answer: ${spec.solution}. ${spec.explanation}`.trim())));
  buttons.firstChild.classList.add("smcourse-primary");
  // a verdict is about the answer it judged: it goes once the answer changes (a hint stays)
  const forget = () => {
    if (verdictShown) {
      feedback.className = "smcourse-feedback";
      feedback.textContent = "";
      verdictShown = false;
    }
  };
  input.node.addEventListener("input", forget);
  input.node.addEventListener("change", forget);
  const card = element("div", { className: "smcourse-practice" }, prompt, input.node, buttons, feedback);
  el.classList.add("smcourse-widget");
  el.append(card);
}

export default { render };
