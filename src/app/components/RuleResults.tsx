/**
 * Each of the five rules: its sign and word (never colour alone) and what we found. What to do about
 * them is said once, above (CheckResult's next steps), not repeated under each rule.
 */
import type { RuleResult } from '../../pipeline/types.ts';
import { ruleMessage } from '../content/present.ts';
import { RULE_TITLES, STATUS_SIGNS } from '../content/text.ts';

export function RuleResults({ rules }: { rules: readonly RuleResult[] }) {
  return (
    <ul className="nhsuk-list app-rules" role="list">
      {rules.map((rule) => {
        const sign = STATUS_SIGNS[rule.status];
        return (
          <li
            key={rule.id}
            className={`app-rule app-rule--${rule.status}`}
            data-rule={rule.id}
            data-status={rule.status}
            data-reason={rule.reason}
          >
            <h3 className="nhsuk-heading-s app-rule__title">
              <span className="app-rule__sign" aria-hidden="true">
                {sign.symbol}
              </span>
              <span className="app-rule__status">{sign.label}:</span> {RULE_TITLES[rule.id]}
            </h3>
            <p className="app-rule__message">{ruleMessage(rule)}</p>
          </li>
        );
      })}
    </ul>
  );
}
