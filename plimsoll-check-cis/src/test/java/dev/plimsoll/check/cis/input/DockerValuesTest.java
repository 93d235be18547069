package dev.plimsoll.check.cis.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plimsoll.check.cis.run.RunConfig.Device;
import dev.plimsoll.check.cis.run.RunConfig.Mount;
import dev.plimsoll.check.cis.run.RunConfig.PortBinding;
import dev.plimsoll.check.cis.run.RunConfig.RestartPolicy;
import dev.plimsoll.check.cis.run.RunConfig.SecurityOptions;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DockerValuesTest {
    @ParameterizedTest
    @CsvSource({"512m,536870912", "1g,1073741824", "1.5G,1610612736", "64k,65536", "100,100", "2GiB,2147483648",
            "512 MB,536870912", "1t,1099511627776"})
    void sizesAsDockerReadsThem(String text, long bytes) throws Exception {
        assertThat(DockerValues.ramInBytes(text)).isEqualTo(bytes);
    }

    @ParameterizedTest
    @CsvSource({"lots", "-1m", "1x", "''"})
    void notSizes(String text) {
        assertThatThrownBy(() -> DockerValues.ramInBytes(text)).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void cpus() throws Exception {
        assertThat(DockerValues.nanoCpus("0.5")).isEqualTo(500_000_000L);
        assertThat(DockerValues.nanoCpus("2")).isEqualTo(2_000_000_000L);
        assertThatThrownBy(() -> DockerValues.nanoCpus("0.0000000001")).hasMessageContaining("nine decimal");
        assertThatThrownBy(() -> DockerValues.nanoCpus("-1")).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void volumes() throws Exception {
        assertThat(DockerValues.volume("/host:/ctr")).isEqualTo(new Mount("bind", "/host", "/ctr", true, ""));
        assertThat(DockerValues.volume("/host:/ctr:ro,Z,rslave"))
                .isEqualTo(new Mount("bind", "/host", "/ctr", false, "rslave"));
        assertThat(DockerValues.volume("named:/ctr:nocopy")).isEqualTo(new Mount("volume", "named", "/ctr", true, ""));
        assertThat(DockerValues.volume("/anon")).isEqualTo(new Mount("volume", "", "/anon", true, ""));
        assertThat(DockerValues.volume("/anon:ro")).isEqualTo(new Mount("volume", "", "/anon", false, ""));
        assertThat(DockerValues.volume("./rel:/ctr")).isEqualTo(new Mount("bind", "./rel", "/ctr", true, ""));
        assertThatThrownBy(() -> DockerValues.volume("/a:/b:sometimes")).hasMessageContaining("unknown option");
        assertThatThrownBy(() -> DockerValues.volume("a:b")).hasMessageContaining("absolute");
    }

    @Test
    void devices() throws Exception {
        assertThat(DockerValues.device("/dev/fuse")).isEqualTo(new Device("/dev/fuse", "/dev/fuse", "rwm"));
        assertThat(DockerValues.device("/dev/sda:r")).isEqualTo(new Device("/dev/sda", "/dev/sda", "r"));
        assertThat(DockerValues.device("/dev/sda:/dev/xvda")).isEqualTo(new Device("/dev/sda", "/dev/xvda", "rwm"));
        assertThatThrownBy(() -> DockerValues.device("/dev/a:/dev/b:rx")).hasMessageContaining("bad permissions");
    }

    @Test
    void restartPolicies() throws Exception {
        assertThat(DockerValues.restart("no")).isEqualTo(RestartPolicy.NONE);
        assertThat(DockerValues.restart("always")).isEqualTo(new RestartPolicy("always", 0));
        assertThat(DockerValues.restart("on-failure")).isEqualTo(new RestartPolicy("on-failure", 0));
        assertThat(DockerValues.restart("on-failure:7")).isEqualTo(new RestartPolicy("on-failure", 7));
        assertThatThrownBy(() -> DockerValues.restart("always:3")).hasMessageContaining("takes no retry count");
        assertThatThrownBy(() -> DockerValues.restart("sometimes")).hasMessageContaining("not a restart policy");
    }

    @Test
    void securityOptionsInEverySpelling() throws Exception {
        SecurityOptions o = DockerValues.securityOptions(List.of("seccomp:unconfined", "apparmor=my-profile",
                "label=type:svirt_apache_t", "label:level:s0:c100,c200", "no-new-privileges=false",
                "systempaths=unconfined"));
        assertThat(o.seccompProfile()).contains("unconfined");
        assertThat(o.apparmorProfile()).contains("my-profile");
        assertThat(o.selinuxOptions()).containsExactly("type:svirt_apache_t", "level:s0:c100,c200");
        assertThat(o.noNewPrivileges()).contains(false);
        assertThat(o.raw()).hasSize(6);
        assertThat(DockerValues.securityOptions(List.of("no-new-privileges")).noNewPrivileges()).contains(true);
        assertThat(DockerValues.securityOptions(List.of("no-new-privileges:true")).noNewPrivileges()).contains(true);
        assertThatThrownBy(() -> DockerValues.securityOptions(List.of("seccomp"))).hasMessageContaining("no value");
        assertThatThrownBy(() -> DockerValues.securityOptions(List.of("selinux=x"))).hasMessageContaining("unknown");
    }

    @Test
    void ulimits() throws Exception {
        assertThat(DockerValues.ulimit("nofile=1024:2048").hard()).isEqualTo(2048);
        assertThat(DockerValues.ulimit("core=-1").soft()).isEqualTo(-1);
        assertThatThrownBy(() -> DockerValues.ulimit("nofile=4096:1024")).hasMessageContaining("exceeds");
        assertThatThrownBy(() -> DockerValues.ulimit("nofile")).hasMessageContaining("name=soft");
    }

    @Property
    void everyWrittenPortSpecReadsBack(@ForAll @IntRange(max = 65_535) int hostPort,
                                       @ForAll @IntRange(min = 1, max = 65_535) int containerPort,
                                       @ForAll boolean udp, @ForAll boolean ipv6) throws Exception {
        String ip = ipv6 ? "[2001:db8::1]" : "10.1.2.3";
        String protocol = udp ? "udp" : "tcp";
        List<PortBinding> ports = DockerValues.ports(ip + ":" + hostPort + ":" + containerPort + "/" + protocol);
        assertThat(ports).containsExactly(new PortBinding(ipv6 ? "2001:db8::1" : "10.1.2.3", hostPort, containerPort,
                protocol));
    }
}
