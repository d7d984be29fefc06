package io.minerai.dispatch;

/** Revenue classes of loads, for reports and revenue stacks. */
public enum LoadClass {
    MINING,
    AI_CLOUD,
    COLOCATION
}
