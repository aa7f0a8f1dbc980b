package io.netharness.maven;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * The failed scenarios of a run, read from the JUnit XML report that {@code run} wrote: feature, scenario, the step
 * that failed and the failure's message (what arrived, as a hexdump) without the stack trace.
 *
 * <pre>{@code
 * FailedScenarios failed = FailedScenarios.read(reportDirectory.resolve("junit.xml"));
 * String text = failed.describe();   // "1 of 2 scenarios failed: ..."
 * }</pre>
 */
record FailedScenarios(int total, List<Failure> failures) {
  /** One failed scenario. */
  record Failure(String feature, String scenario, String step, String type, String message) {}

  static FailedScenarios read(Path junitXml) {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setExpandEntityReferences(false);
      DocumentBuilder builder = factory.newDocumentBuilder();
      Document document = builder.parse(Files.newInputStream(junitXml));
      NodeList cases = document.getElementsByTagName("testcase");
      List<Failure> failures = new ArrayList<>();
      for (int i = 0; i < cases.getLength(); i++) {
        Element testcase = (Element) cases.item(i);
        NodeList failed = testcase.getElementsByTagName("failure");
        if (failed.getLength() == 0) {
          failed = testcase.getElementsByTagName("error");
        }
        if (failed.getLength() > 0) {
          Element failure = (Element) failed.item(0);
          failures.add(new Failure(testcase.getAttribute("classname"), testcase.getAttribute("name"),
              failedStep(testcase), simpleName(failure.getAttribute("type")), message(failure)));
        }
      }
      return new FailedScenarios(cases.getLength(), failures);
    } catch (IOException | SAXException | ParserConfigurationException e) {
      throw new IllegalStateException("cannot read the JUnit report " + junitXml + ": " + e.getMessage(), e);
    }
  }

  /** The text of the build failure: every failed scenario with its step and message. */
  String describe() {
    StringBuilder text = new StringBuilder()
        .append(failures.size()).append(" of ").append(total).append(" scenarios failed:");
    for (Failure failure : failures) {
      text.append("\n\n  ").append(failure.feature()).append(" › ").append(failure.scenario());
      String intro = failure.step().isEmpty() ? "" : "Step " + failure.step() + " failed: ";
      String typed = failure.type().isEmpty() ? failure.message() : failure.type() + ": " + failure.message();
      (intro + typed).lines().forEach(line -> text.append("\n    ").append(line));
    }
    return text.toString();
  }

  private static String failedStep(Element testcase) {
    NodeList outputs = testcase.getElementsByTagName("system-out");
    if (outputs.getLength() == 0) {
      return "";
    }
    return outputs.item(0).getTextContent().lines()
        .filter(line -> line.endsWith(".failed") || line.endsWith(".undefined") || line.endsWith(".pending"))
        .map(line -> line.replaceFirst("\\.+(failed|undefined|pending)$", ""))
        .findFirst().orElse("");
  }

  /**
   * The report's text up to the first stack frame, without the exception's class name; the message attribute only
   * when there is no text (an XML parser turns the line breaks of an attribute into spaces, and the hexdump of what
   * arrived needs its lines).
   */
  private static String message(Element failure) {
    StringBuilder text = new StringBuilder();
    for (String line : failure.getTextContent().strip().lines().toList()) {
      if (line.startsWith("\tat ") || line.startsWith("at ")) {
        break;
      }
      text.append(text.length() == 0 ? "" : "\n").append(line);
    }
    String type = failure.getAttribute("type");
    String message = text.toString();
    if (!type.isEmpty() && message.startsWith(type + ": ")) {
      message = message.substring(type.length() + 2);
    }
    return message.isBlank() ? failure.getAttribute("message").strip() : message.strip();
  }

  private static String simpleName(String type) {
    return type.substring(type.lastIndexOf('.') + 1);
  }
}
