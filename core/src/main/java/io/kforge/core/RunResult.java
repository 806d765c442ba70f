package io.kforge.core;

import io.kforge.core.spi.BuildOutcome;
import io.kforge.core.spi.ConfigOutcome;
import io.kforge.core.spi.SourceTree;
import io.kforge.core.spi.SysctlOutcome;
import java.time.Duration;
import java.util.Map;

/**
 * Everything {@link Pipeline#up} produced, stage by stage.
 *
 * @param source the kernel tree
 * @param config the final configuration and its report
 * @param build the built kernel
 * @param boot what happened in the guest
 * @param sysctl the profile applied in the guest and read back
 * @param stageTimes wall time of each stage, by stage label, in pipeline order
 */
public record RunResult(SourceTree source, ConfigOutcome config, BuildOutcome build, BootResult boot,
                        SysctlOutcome sysctl, Map<String, Duration> stageTimes) {

    /**
     * Tells whether the whole job succeeded.
     *
     * @return true when the guest booted, every check passed and every sysctl value reads back as wanted
     */
    public boolean ok() {
        return boot.ok() && sysctl.verified();
    }
}
