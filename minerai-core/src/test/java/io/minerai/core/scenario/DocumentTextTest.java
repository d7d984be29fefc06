package io.minerai.core.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.minerai.core.validation.ValidationException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DocumentTextTest {
    @Test
    void aMissingFileIsNamedWithItsAbsolutePath(@TempDir Path dir) {
        Path missing = dir.resolve("nope.yaml");
        assertThatThrownBy(() -> DocumentText.readFile(missing, "plan"))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("plan " + missing)
                .hasMessageContaining("file not found: " + missing.toAbsolutePath());
    }

    @Test
    void aSyntaxErrorGivesLineAndColumn() {
        assertThatThrownBy(() -> DocumentText.parseObject("a: 1\nb: [2, 3\nc: 4\n", "inventory x.yaml", "fields"))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("inventory x.yaml")
                .hasMessageMatching("(?s).*line \\d+, column \\d+.*not valid YAML/JSON.*");
    }

    @Test
    void theRootMustBeAnObject() {
        assertThatThrownBy(() -> DocumentText.parseObject("- 1\n- 2\n", "plan p.yaml", "a field 'plan'"))
                .hasMessageContaining("must be a YAML/JSON object with a field 'plan'");
        assertThatThrownBy(() -> DocumentText.parseObject("", "plan p.yaml", "a field 'plan'"))
                .hasMessageContaining("must be a YAML/JSON object");
    }

    @Test
    void jsonIsYamlAndUtf8IsKept(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("s.json");
        Files.writeString(f, "{\"name\": \"Pecos – 2024\"}");
        String text = DocumentText.readFile(f, "scenario");
        assertThat(DocumentText.parseObject(text, "s", "fields").path("name").asText())
                .isEqualTo("Pecos – 2024");
    }

    @Test
    void bundledResourcesAreReadAndAMissingOneIsAPackagingError() {
        assertThat(DocumentText.resource(DefaultScenario.class, DefaultScenario.RESOURCE))
                .contains("site:");
        assertThatThrownBy(() -> DocumentText.resource(DefaultScenario.class, "/no/such.yaml"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("/no/such.yaml");
    }

    @Test
    void aDuplicateKeyIsRefusedWithBothLines() {
        String yaml = String.join(
                "\n",
                "name: a",
                "site:",
                "  grid:",
                "    importCapMw: 80",
                "    exportAllowed: false",
                "    importCapMw: 800",
                "  minerFleets:",
                "    - name: f1",
                "      name: f2",
                "name: b",
                "");
        assertThatThrownBy(() -> DocumentText.parseObject(yaml, "scenario s.yaml", "fields"))
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        e -> assertThat(e.problems())
                                .extracting(Object::toString)
                                .containsExactly(
                                        "site.grid.importCapMw: duplicate key: given on line 4 and again on line 6; give each"
                                                + " key once",
                                        "site.minerFleets[0].name: duplicate key: given on line 8 and again on line 9; give each"
                                                + " key once",
                                        "name: duplicate key: given on line 1 and again on line 10; give each key once"));
    }

    @Test
    void aDuplicateKeyInJsonToo() {
        assertThatThrownBy(
                        () -> DocumentText.parseObject("{\"a\": {\"b\": 1,\n \"b\": 2}}", "scenario s.json", "fields"))
                .hasMessageContaining("a.b: duplicate key: given on line 1 and again on line 2");
    }

    @Test
    void theSameKeyInSiblingObjectsIsFine() {
        assertThat(DocumentText.parseObject("a: {x: 1}\nb: {x: 2}\nc: [{x: 1}, {x: 2}]\n", "s", "fields")
                        .path("b")
                        .path("x")
                        .asInt())
                .isEqualTo(2);
    }

    @Test
    void invalidUtf8IsReportedWithLineAndColumn(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("s.yaml");
        byte[] head = "name: a\ndescription: caf".getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[head.length + 2];
        System.arraycopy(head, 0, bytes, 0, head.length);
        bytes[head.length] = (byte) 0xE9; // Latin-1 e-acute, not UTF-8
        bytes[head.length + 1] = '\n';
        Files.write(f, bytes);
        assertThatThrownBy(() -> DocumentText.readFile(f, "scenario"))
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        e -> assertThat(e.problems())
                                .extracting(Object::toString)
                                .containsExactly(
                                        "line 2, column 17: not valid UTF-8 (byte 0xE9); save the file as UTF-8"));
    }

    @Test
    void aByteOrderMarkIsDropped(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("s.yaml");
        Files.writeString(f, "\uFEFFname: a\n");
        assertThat(DocumentText.parseObject(DocumentText.readFile(f, "scenario"), "s", "fields")
                        .has("name"))
                .isTrue();
    }
}
