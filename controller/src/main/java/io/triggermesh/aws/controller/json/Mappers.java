package io.triggermesh.aws.controller.json;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * The controller's Jackson mappers, one per format, with Jackson's defaults.
 *
 * <p>{@link #JSON} is the one JSON mapper: the reconciler converts objects and compares and digests their normal
 * form with it (digests must stay byte-stable, so its configuration is Jackson's defaults and nothing else), and
 * the spec reader binds specs with it, asking for {@code FAIL_ON_UNKNOWN_PROPERTIES} per read rather than keeping a
 * differently configured copy. It is not Micronaut's {@code ObjectMapper} bean because the value classes that use it
 * (object views, given objects, previews) are built outside the application context, by {@code render} and in
 * tests, and because that bean's configuration follows {@code jackson.*} properties, which must not change digests.
 *
 * <p>{@link #YAML} reads the manifest files of the command line; it is separate only because it parses another
 * format.
 */
public final class Mappers {

    public static final ObjectMapper JSON = JsonMapper.builder().build();

    public static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private Mappers() {
    }
}
