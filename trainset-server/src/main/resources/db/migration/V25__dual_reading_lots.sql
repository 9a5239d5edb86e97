-- ISO 2859-1 lots at a dual-reading stage (issue 12): the event that completes an item's dual
-- reading records how many disagreements DualReadConsensus found between the two readings (NULL on
-- every other event). A lot at such a stage is decided from it: an item whose readers agreed is
-- conforming; one whose readers disagreed is nonconforming when the stage excludes disagreements,
-- and otherwise as its adjudicator's first verdict at the next stage says (fix or reject: a defect).
ALTER TABLE review_events ADD COLUMN disagreements INTEGER;
