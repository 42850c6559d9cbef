package io.triggermesh.aws.spi;

/** Version of this contract. Incremented only on incompatible changes; additive changes keep it. */
public final class SpiVersion {

    /**
     * The version this SPI jar implements. 2: {@link AdapterWorkload} has no main class any more (adapters are
     * started by kind through adapter-runtime's launcher).
     */
    public static final int CURRENT = 2;

    private SpiVersion() {
    }

    /** Whether a plugin compiled against {@code pluginVersion} can run against this SPI. */
    public static boolean isCompatible(int pluginVersion) {
        return pluginVersion == CURRENT;
    }
}
