package io.minerai.portfolio.engine;

/**
 * Miners moved from one site to another: machines a conversion leaves without power at the source hash at the
 * destination's spare interconnection.
 *
 * @param fromSite source site name
 * @param toSite destination site name
 * @param leaveMonth month the machines stop hashing at the source (they are idle there from then on)
 * @param arriveMonth month they hash at the destination (leave month + months per move)
 * @param machineMw machine (IT) power moved
 * @param hashrateEhPerS hashrate moved
 * @param efficiencyJPerTh their efficiency
 * @param pue the destination's mining PUE (facility MW = machine MW x PUE)
 * @param costUsd cost of the move (paid when they arrive)
 */
public record FleetMove(
        String fromSite,
        String toSite,
        int leaveMonth,
        int arriveMonth,
        double machineMw,
        double hashrateEhPerS,
        double efficiencyJPerTh,
        double pue,
        double costUsd) {}
