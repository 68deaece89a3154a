package lookout.approvals;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApprovalsSchemaTest {
  @Test
  void applying_twice_keeps_existing_requests(@TempDir Path dir) {
    Fixture f = new Fixture(dir);
    ApprovalRequest r = f.approvals.request(Fixture.RESTART, "console:alice");

    ApprovalsSchema.apply(f.db);

    assertThat(f.approvals.find(r.id())).contains(r);
    assertThat(f.approvals.audit(r.id())).hasSize(1);
  }
}
