package io.minerai.data.pjm;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Hourly LMPs read from PJM Data Miner 2 exports: per pricing node (by name, also found by pnode id), per market.
 *
 * @param source the file(s) read
 * @param byNode node name -> market -> components
 * @param nodeIds node name -> pnode id
 */
public record PjmLmps(
        String source, Map<String, Map<PjmMarket, PjmLmpComponents>> byNode, Map<String, String> nodeIds) {
    public PjmLmps {
        Map<String, Map<PjmMarket, PjmLmpComponents>> copy = new LinkedHashMap<>();
        byNode.forEach((k, v) -> copy.put(k, Collections.unmodifiableMap(new LinkedHashMap<>(v))));
        byNode = Collections.unmodifiableMap(copy);
        nodeIds = Collections.unmodifiableMap(new LinkedHashMap<>(nodeIds));
    }

    /** Node names in the order first seen, e.g. {@code DOMINION HUB}. */
    public List<String> nodes() {
        return List.copyOf(byNode.keySet());
    }

    /** The node's name for a name (ignoring case) or a pnode id (e.g. {@code 51288}). */
    public Optional<String> findNode(String nameOrId) {
        String w = nameOrId.strip();
        for (String n : byNode.keySet()) {
            if (n.equalsIgnoreCase(w) || w.equals(nodeIds.get(n))) {
                return Optional.of(n);
            }
        }
        return Optional.empty();
    }

    /** The node's LMPs in one market, if present. */
    public Optional<PjmLmpComponents> lmps(String node, PjmMarket market) {
        return findNode(node).map(byNode::get).map(m -> m.get(market));
    }
}
