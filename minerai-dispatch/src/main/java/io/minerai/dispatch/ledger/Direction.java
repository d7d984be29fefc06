package io.minerai.dispatch.ledger;

/** Whether a stream earns or costs; its ledger amounts carry the sign (revenues +, costs -, a credit on a cost +). */
public enum Direction {
    REVENUE,
    COST
}
