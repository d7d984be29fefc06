package io.minerai.dispatch;

/** Revenue classes of loads, for reports and revenue stacks. */
public enum LoadClass {
    MINING("Mining"),
    AI_CLOUD("AI cloud"),
    COLOCATION("Colocation");

    private final String label;

    LoadClass(String label) {
        this.label = label;
    }

    /** Human name. */
    public String label() {
        return label;
    }
}
