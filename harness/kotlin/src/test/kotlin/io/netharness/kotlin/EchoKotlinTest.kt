package io.netharness.kotlin

import io.netharness.server.Behaviors
import java.util.concurrent.TimeUnit
import kotlinx.coroutines.runBlocking
import org.assertj.core.api.Assertions.assertThat
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.Timeout

// docs/kotlin.md shows this test beside EchoJavaTest.java, its Java twin: keep the two in step.
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class EchoKotlinTest {
    @Test
    fun echoSendsBackWhatArrives(): Unit = endpoints {
        val server = tcpServer { behavior(Behaviors.echo()) }
        val client = tcpClient(server)

        client.send("ping")
        client.expectText("ping")

        assertThat(server.takeConnection().receivedText()).isEqualTo("ping")
    }

    @Test
    fun echoWithoutBlockingAThread(): Unit = runBlocking {
        endpoints {
            val server = tcpServer { behavior(Behaviors.echo()) }
            val client = tcpClient(server)

            client.send("ping")
            client.awaitText("ping")

            assertThat(server.awaitConnection().receivedText()).isEqualTo("ping")
        }
    }
}
