package org.hoptrace;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class HoptraceApplication {

    public static void main(String[] args) {
        SpringApplication.run(HoptraceApplication.class, args);
    }
}
