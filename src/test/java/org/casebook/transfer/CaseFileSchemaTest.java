package org.casebook.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The published JSON Schema accepts what the importer accepts: the demo case and every export. */
class CaseFileSchemaTest {
  private static final Schema SCHEMA =
      SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
          .getSchema(TransferRoutes.schema(), InputFormat.JSON);

  @Test
  void theDemoCaseConformsToTheSchema() throws Exception {
    List<Error> errors = SCHEMA.validate(Files.readString(Path.of("demo", "smailova.yaml")), InputFormat.YAML);

    assertThat(errors).isEmpty();
  }

  @Test
  void theSchemaRefusesAnUnknownFieldAndABadCharge() {
    String document =
        "format: casebook/1\ncase: {key: x, title: t, risk: low, status: open, colour: red}\n"
            + "proceedings:\n  - {key: p, kind: criminal, title: t, charges: [\"article 190\"]}\n";

    assertThat(SCHEMA.validate(document, InputFormat.YAML)).hasSizeGreaterThanOrEqualTo(2);
  }
}
