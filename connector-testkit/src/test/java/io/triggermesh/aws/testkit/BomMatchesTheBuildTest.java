package io.triggermesh.aws.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The BOM (bom/pom.xml) has no parent, so that importing it hands authors only what a connector builds against; its
 * versions are therefore written out, and this test keeps them equal to the ones this build uses. Surefire passes
 * the build's values (root pom.xml and the Micronaut platform) as system properties.
 */
class BomMatchesTheBuildTest {

    private static final String[] MANAGED = {"aws.sdk.version", "jackson.version", "cloudevents.version",
            "netty.version", "junit.version", "assertj.version", "awaitility.version", "bytebuddy.version",
            "hamcrest.version", "apache.compress.version"};

    @Test
    void bomPinsTheLibraryVersionsThisBuildUses() throws Exception {
        Map<String, String> bom = bomProperties();
        Map<String, String> build = new LinkedHashMap<>();
        Map<String, String> declared = new LinkedHashMap<>();
        for (String name : MANAGED) {
            build.put(name, System.getProperty("build." + name));
            declared.put(name, bom.get(name));
        }
        assertThat(build).as("system properties from connector-testkit/pom.xml").doesNotContainValue(null);
        assertThat(declared).as("bom/pom.xml <properties> must equal the build's versions; edit bom/pom.xml")
                .isEqualTo(build);
    }

    @Test
    void bomHasTheBuildsVersion() throws Exception {
        Element project = bom().getDocumentElement();
        assertThat(child(project, "version")).as("bom/pom.xml <version>")
                .isEqualTo(System.getProperty("build.project.version"));
    }

    private static org.w3c.dom.Document bom() throws Exception {
        Path pom = Path.of(System.getProperty("build.bom"));
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom.toFile());
    }

    private static Map<String, String> bomProperties() throws Exception {
        Map<String, String> out = new LinkedHashMap<>();
        NodeList properties = bom().getElementsByTagName("properties").item(0).getChildNodes();
        for (int i = 0; i < properties.getLength(); i++) {
            Node node = properties.item(i);
            if (node instanceof Element e) {
                out.put(e.getTagName(), e.getTextContent().trim());
            }
        }
        return out;
    }

    private static String child(Element parent, String name) {
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i) instanceof Element e && e.getTagName().equals(name)) {
                return e.getTextContent().trim();
            }
        }
        return null;
    }
}
