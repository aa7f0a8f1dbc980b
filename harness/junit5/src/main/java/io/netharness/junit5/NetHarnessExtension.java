package io.netharness.junit5;

import io.netharness.server.TcpServer;
import io.netharness.udp.UdpPeer;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;
import org.junit.platform.commons.support.ReflectionSupport;

/**
 * Injects started {@code TcpServer}, {@code UdpPeer} and {@link Endpoints} parameters, and a started packet
 * lab ({@code io.netharness.lab.Lab}, configured by {@link LabConfig}; skipped with the lab's reason where it cannot
 * run) when {@code netharness-lab} is on the class path; starts
 * {@link Managed} fields, and leaves the closing to JUnit: every endpoint goes into the
 * {@code ExtensionContext.Store} of its scope, which closes {@code AutoCloseable} values (JUnit
 * 5.13+). Usually turned on with {@link NetHarnessTest} or {@link Managed}; registering it
 * directly works too.
 *
 * <pre>{@code
 * @ExtendWith(NetHarnessExtension.class)
 * class CollectTest {
 *   @Test
 *   void serverCollectsWhatArrives(TcpServer server, Endpoints endpoints) {
 *     endpoints.connect(server).sendText("hi", UTF_8);
 *     server.takeConnection(Duration.ofSeconds(2)).awaitReceivedText("hi", UTF_8, Duration.ofSeconds(2));
 *   }
 * }
 * }</pre>
 */
public final class NetHarnessExtension implements BeforeAllCallback, BeforeEachCallback, ParameterResolver {

  @Override
  public void beforeAll(ExtensionContext context) {
    if (labMayBeNeeded(context)) {
      LabParameters.skipWhereTheLabCannotRun(context);
    }
    manageFields(context, context.getRequiredTestClass(), null);
    // Under @TestInstance(PER_CLASS) the instance exists already and lives as long as the class.
    context.getTestInstance().ifPresent(instance -> manageInstance(context, instance));
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    if (labMayBeNeeded(context)) {
      LabParameters.skipWhereTheLabCannotRun(context);
    }
    for (Object instance : context.getRequiredTestInstances().getAllInstances()) {
      manageInstance(context, instance);
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == TcpServer.class || type == UdpPeer.class || type == Endpoints.class
        || type.getName().equals(LabParameters.LAB_TYPE);
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    Endpoints endpoints = Endpoints.of(context);
    Class<?> type = parameter.getParameter().getType();
    if (type.getName().equals(LabParameters.LAB_TYPE)) {
      return LabParameters.resolve(context); // loads the lab's classes only now
    }
    if (type == Endpoints.class) {
      return endpoints;
    }
    return type == UdpPeer.class ? endpoints.udp() : endpoints.server();
  }

  /**
   * True when the test class can see {@code io.netharness.lab.Lab} (the lab's jar is an optional dependency), so
   * {@link LabParameters}, which refers to it, may be loaded.
   */
  private static boolean labMayBeNeeded(ExtensionContext context) {
    ClassLoader loader = context.getRequiredTestClass().getClassLoader();
    try {
      Class.forName(LabParameters.LAB_TYPE, false, loader == null ? ClassLoader.getSystemClassLoader() : loader);
      return true;
    } catch (ClassNotFoundException e) {
      return false;
    }
  }

  /** Constructor parameters belong to the test, not the class, unless the instance is per class. */
  @Override
  public ExtensionContextScope getTestInstantiationExtensionContextScope(ExtensionContext rootContext) {
    return ExtensionContextScope.TEST_METHOD;
  }

  /** Instance fields once per test instance: a per-class instance was handled in beforeAll. */
  private static void manageInstance(ExtensionContext context, Object instance) {
    FieldsOf marker = new FieldsOf(instance);
    ExtensionContext.Store store = context.getStore(ExtensionContext.Namespace.create(NetHarnessExtension.class));
    if (store.get(marker) == null) { // get() also looks in the enclosing class's store
      store.put(marker, Boolean.TRUE);
      manageFields(context, instance.getClass(), instance);
    }
  }

  private static void manageFields(ExtensionContext context, Class<?> type, @Nullable Object instance) {
    Predicate<Field> scope = field -> Modifier.isStatic(field.getModifiers()) == (instance == null);
    for (Field field : AnnotationSupport.findAnnotatedFields(type, Managed.class, scope, HierarchyTraversalMode.TOP_DOWN)) {
      Object value = ReflectionSupport.tryToReadFieldValue(field, instance).toOptional().orElse(null);
      String name = field.getDeclaringClass().getSimpleName() + "." + field.getName();
      if (value == null) {
        throw new ExtensionConfigurationException("@Managed field " + name
            + " is null: assign it where it is declared, e.g. @Managed TcpServer server = TcpServer.builder().build();");
      }
      if (!(value instanceof AutoCloseable closeable)) {
        throw new ExtensionConfigurationException("@Managed field " + name + " holds a "
            + value.getClass().getName() + ", which is not AutoCloseable: @Managed is for TcpServer, TcpClient,"
            + " UdpPeer or another AutoCloseable");
      }
      Endpoints.of(context).manage(closeable);
      if (closeable instanceof TcpServer server) {
        server.start();
      }
    }
  }

  /** Store key saying the @Managed fields of this test instance are taken care of. */
  private static final class FieldsOf {
    private final Object instance;

    FieldsOf(Object instance) {
      this.instance = instance;
    }

    @Override
    public boolean equals(@Nullable Object other) {
      return other instanceof FieldsOf f && f.instance == instance;
    }

    @Override
    public int hashCode() {
      return System.identityHashCode(instance);
    }
  }
}
