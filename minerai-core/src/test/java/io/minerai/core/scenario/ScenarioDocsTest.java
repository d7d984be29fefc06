package io.minerai.core.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ScenarioDocsTest {

    @Test
    void docsScenarioMdIsUpToDate() throws Exception {
        Path docs = Path.of("..", "docs", "SCENARIO.md");
        String generated = ScenarioDocs.markdown();
        assertThat(Files.exists(docs))
                .as("docs/SCENARIO.md is missing: run ./minerai docs scenario > docs/SCENARIO.md")
                .isTrue();
        assertThat(Files.readString(docs))
                .as("docs/SCENARIO.md is stale: run ./minerai docs scenario > docs/SCENARIO.md")
                .isEqualTo(generated);
    }

    @Test
    void everyFieldIsDocumented() {
        for (ObjectSpec o : ScenarioSchema.all()) {
            for (FieldSpec f : o.fields()) {
                assertThat(f.description()).as(o.name() + "." + f.name()).isNotBlank();
            }
            for (ObjectSpec v : o.variants().values()) {
                for (FieldSpec f : v.fields()) {
                    assertThat(f.description()).as(v.name() + "." + f.name()).isNotBlank();
                }
            }
        }
    }
}
