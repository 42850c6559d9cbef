package io.triggermesh.aws.adapter;

/** Two registered adapters that claim the same kind, as two connector jars could. */
final class TwinAdapters {

    static final String KIND = "TestTwin";

    private TwinAdapters() {
    }

    /** The first of the two. */
    public static final class First implements KindAdapter {
        @Override
        public String kind() {
            return KIND;
        }

        @Override
        public AutoCloseable start(AdapterContext context) {
            return () -> { };
        }
    }

    /** The second of the two. */
    public static final class Second implements KindAdapter {
        @Override
        public String kind() {
            return KIND;
        }

        @Override
        public AutoCloseable start(AdapterContext context) {
            return () -> { };
        }
    }
}
