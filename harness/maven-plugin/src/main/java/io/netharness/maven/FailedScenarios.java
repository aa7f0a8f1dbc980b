package io.netharness.maven;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
  private static final Pattern STEP = Pattern.compile("(.*?)\\.+(failed|undefined|pending|ambiguous)$");

  /** One failed scenario. */
  record Failure(String feature, String scenario, FailedStep step, String type, String message) {}

  /** The first step of a scenario that did not pass: its text and status (failed, undefined, pending, ambiguous). */
  record FailedStep(String text, String status) {
    static final FailedStep UNKNOWN = new FailedStep("", "");
  }

  static FailedScenarios read(Path junitXml) {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setExpandEntityReferences(false);
      DocumentBuilder builder = factory.newDocumentBuilder();
      Document document;
      try (InputStream in = Files.newInputStream(junitXml)) {
        document = builder.parse(in);
      }
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
      explain(failure).lines().forEach(line -> text.append("\n    ").append(line));
    }
    return text.toString();
  }

  private static String explain(Failure failure) {
    String step = failure.step().text();
    if (failure.step().status().equals("undefined")) {
      return "Step " + step + " is undefined: no step definition matches it; check its wording against the step"
          + " library (docs/steps.md) or add a definition in a <glue> package";
    }
    if (failure.step().status().equals("pending")) {
      return "Step " + step + " is pending: its definition is not written yet";
    }
    String intro = step.isEmpty() ? "" : "Step " + step + " failed: ";
    String typed = failure.type().isEmpty() ? failure.message() : failure.type() + ": " + failure.message();
    return intro + (typed.isEmpty() ? "(no message)" : typed);
  }

  private static FailedStep failedStep(Element testcase) {
    NodeList outputs = testcase.getElementsByTagName("system-out");
    if (outputs.getLength() == 0) {
      return FailedStep.UNKNOWN;
    }
    for (String line : outputs.item(0).getTextContent().lines().toList()) {
      Matcher step = STEP.matcher(line);
      if (step.matches()) {
        return new FailedStep(step.group(1), step.group(2));
      }
    }
    return FailedStep.UNKNOWN;
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
