package io.minerai.server;

import io.minerai.server.run.RunContext;
import io.minerai.server.run.RunKind;
import io.minerai.server.run.RunOutput;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** A test run kind that holds its run until the test opens the gate, to make runs queue behind it. */
final class GateKind implements RunKind {
    final CountDownLatch started = new CountDownLatch(1);
    final CountDownLatch gate = new CountDownLatch(1);

    @Override
    public String name() {
        return "gate";
    }

    @Override
    public String description() {
        return "test: waits for the gate";
    }

    @Override
    public RunOutput execute(RunContext ctx) throws InterruptedException {
        ctx.progress(0.5, "waiting at the gate");
        started.countDown();
        while (!gate.await(20, TimeUnit.MILLISECONDS)) {
            ctx.checkCancelled();
        }
        return new RunOutput(Json.MAPPER.createObjectNode().put("gatePassed", true), Optional.empty(), 0);
    }
}
