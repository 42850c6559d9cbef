package io.triggermesh.aws.controller.config;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.env.Environment;
import io.micronaut.core.type.Argument;
import io.triggermesh.aws.controller.desired.AdapterSettings;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@link AdapterSettings} every adapter is rendered with, from {@link ControllerSettings} and
 * {@link AdapterResources}.
 *
 * <p>Adapter images come as a map ({@code triggermesh.controller.adapter-images.AWSS3Source=image}, bound by
 * {@link ControllerSettings#adapterImages()}) or, as the Helm chart and earlier releases set them, as a list of
 * {@code Kind=image} entries ({@code TRIGGERMESH_CONTROLLER_ADAPTER_IMAGES=AWSS3Source=image,...}). The list form
 * stays because an environment variable cannot carry a map key's case (Micronaut lowercases the name), and kinds
 * are case-sensitive. A map entry wins over a list entry for the same kind.
 */
@Factory
public class AdapterSettingsFactory {

    static final String IMAGES = "triggermesh.controller.adapter-images";

    @Singleton
    AdapterSettings adapterSettings(ControllerSettings settings, AdapterResources resources, Environment environment) {
        Map<String, String> images = new LinkedHashMap<>();
        List<String> entries = environment.getProperty(IMAGES, Argument.listOf(String.class)).orElse(List.of());
        for (String entry : entries) {
            int eq = entry.indexOf('=');
            if (eq <= 0 || eq == entry.length() - 1) {
                throw new IllegalArgumentException(IMAGES + " entry '" + entry
                        + "' must look like AWSS3Source=registry.example.com/adapter-s3:1.0");
            }
            images.put(entry.substring(0, eq).trim(), entry.substring(eq + 1).trim());
        }
        images.putAll(settings.adapterImages());
        return new AdapterSettings(images, settings.awsRegion(), settings.awsEndpoint(), resources.cpuRequest(),
                resources.memoryRequest(), resources.memoryLimit());
    }
}
