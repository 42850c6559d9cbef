package io.triggermesh.aws.adapter;

/**
 * The adapter of one connector kind, as {@link AdapterLauncher} finds it: registered for {@link java.util.ServiceLoader}
 * in {@code META-INF/services/io.triggermesh.aws.adapter.KindAdapter}, with a public no-argument constructor that
 * does nothing else (the launcher instantiates every registered adapter to ask its kind). A connector writes no
 * {@code main} class: the image's entrypoint and local mode run the launcher, which starts the adapter whose
 * {@link #kind()} is the object's kind ({@code KIND} in the environment the controller renders).
 */
public interface KindAdapter extends Adapter {

    /** The kind this adapter serves, exactly as the plugin's {@code KindDescriptor} declares it ({@code AWSSQSSource}). */
    String kind();
}
