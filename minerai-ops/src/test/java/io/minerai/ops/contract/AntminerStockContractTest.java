package io.minerai.ops.contract;

import io.minerai.ops.driver.AntminerStockDriver;
import io.minerai.ops.driver.CgminerRpc;
import io.minerai.ops.driver.DigestHttpClient;
import io.minerai.ops.emulator.AntminerVariant;
import io.minerai.ops.emulator.Firmware;
import io.minerai.ops.emulator.VirtualMiner;
import io.minerai.ops.sim.FakeClock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;

/** The contract kit on the stock Antminer driver, for each firmware generation the references describe. */
class AntminerStockContractTest {
    static List<DriverContract.DocumentedCase> fixtures(FakeClock clock) {
        List<DriverContract.DocumentedCase> out = new ArrayList<>();
        for (String name : List.of(
                "antminer-stock-s19pro-2022-running",
                "antminer-stock-s21-new-api-running",
                "antminer-stock-config-sleep-still-hashing",
                "antminer-stock-asleep")) {
            ReplayFixture f = ReplayFixture.start(name);
            out.add(new DriverContract.DocumentedCase(
                    f,
                    new AntminerStockDriver(
                            name,
                            new CgminerRpc(MinerSubjects.tcp(f.rpc()), false),
                            new DigestHttpClient(f.web(), "root", "root", MinerSubjects.CONNECT, MinerSubjects.READ),
                            clock)));
        }
        return out;
    }

    abstract static class Variant extends DriverContract {
        abstract AntminerVariant variant();

        @Override
        protected Subject start(FakeClock clock) {
            VirtualMiner m = new VirtualMiner("am-" + variant(), Firmware.ANTMINER_STOCK, 3250, 60, 104, "pw", clock)
                    .variant(variant());
            return MinerSubjects.of(m, clock, true);
        }

        /** The same driver reads the recorded replies of every generation, whichever emulator variant runs. */
        @Override
        protected List<DocumentedCase> documentedReplies(FakeClock clock) {
            return fixtures(clock);
        }
    }

    @Nested
    class Legacy extends Variant {
        @Override
        AntminerVariant variant() {
            return AntminerVariant.LEGACY;
        }
    }

    @Nested
    class S19jProDec2022 extends Variant {
        @Override
        AntminerVariant variant() {
            return AntminerVariant.S19J_PRO_DEC_2022;
        }
    }

    @Nested
    class S21 extends Variant {
        @Override
        AntminerVariant variant() {
            return AntminerVariant.S21;
        }
    }
}
