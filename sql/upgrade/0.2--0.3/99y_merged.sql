/*
 * 99y_merged: the objects two parts of 0.2->0.3 both change, written last in
 * their merged form (sql/src is the fresh install's text, which the update
 * must equal): sweep_scope (99c_roadmap: the PA's 5 working days, R57;
 * 99e_control_reports: the PA's own reporting dates, R66-1.1) and the
 * comment of transfer_control (99c_roadmap, 99d_decisions).
 */

-- sweep_scope(): as 0.3 has it, named by 99zm_sweep_claim_by_snapshot.sql (\definition)

COMMENT ON FUNCTION transfer_control IS
  'Transfer to medium-term (R69.3) or long-term (R69.4, roadmap mandatory: R59) control; counts as the one extension of R69.1 and rests on the same evidence (pa_expert_conclusion or pa_agreement): «бір реттен асырмай» covers transfers, R72 relaxes only «қайталап ұзарту», so a repeated transfer needs disciplinary_review while instruction_control.repeated_transfer_review is on (the default)';
