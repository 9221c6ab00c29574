package vn.kpibridge.routes.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The one-shot commands start with the same flags: {@code outbox redrive} too stays out of the
 * cluster's Quartz schedule (before, it repeated the inbox flag but not {@code kpi.schedule.enabled=false}).
 */
class OneShotCommandsTest {

    @Test
    void outboxRedriveStartsWithoutInboxScheduleAndRelays() {
        String[] args = OneShotCommands.arguments(OutboxCommand.RELAY_OFF,
                OutboxCommand.parse(new String[] {"redrive", "--target=HR", "--kpi.data-dir=/srv/kpi"}).springArgs()
                        .toArray(String[]::new));

        assertThat(args).containsExactly("--kpi.inbox.auto-start=false", "--kpi.schedule.enabled=false",
                "--kpi.outbox.auto-start=false", "--kpi.data-dir=/srv/kpi");
    }

    @Test
    void syncStartsWithTheCommonFlagsThenTheUsersArguments() {
        assertThat(OneShotCommands.arguments(List.of(), "--kpi.sync.seed-from=samples/inbox"))
                .containsExactly("--kpi.inbox.auto-start=false", "--kpi.schedule.enabled=false",
                        "--kpi.sync.seed-from=samples/inbox");
    }
}
