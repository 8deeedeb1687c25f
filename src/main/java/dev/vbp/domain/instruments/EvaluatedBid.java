package dev.vbp.domain.instruments;

import dev.vbp.domain.Bid;

/**
 * A bid with whether its product passed consistency evaluation (通过一致性评价); {@code evaluated} is null
 * when the bid file does not say, and the policy's {@code missing_evaluation} decides.
 */
public record EvaluatedBid(Bid bid, Boolean evaluated) {}
