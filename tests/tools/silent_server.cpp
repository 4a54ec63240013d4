// A TCP server on 127.0.0.1 that accepts connections and never says a word:
// the IMAP server that hangs. Prints its port, then serves until killed or
// until the given number of seconds has passed.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <vector>

int main(int argc, char** argv) {
    const int lifetime_s = argc > 1 ? std::atoi(argv[1]) : 60;
    const int listener = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = 0;  // any free port
    if (listener < 0 || bind(listener, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 || listen(listener, 8) != 0) {
        std::perror("silent_server");
        return 1;
    }
    socklen_t length = sizeof address;
    getsockname(listener, reinterpret_cast<sockaddr*>(&address), &length);
    std::printf("%d\n", ntohs(address.sin_port));
    std::fflush(stdout);
    std::vector<int> clients;  // kept open, never written to
    const auto end = std::chrono::steady_clock::now() + std::chrono::seconds(lifetime_s);
    while (std::chrono::steady_clock::now() < end) {
        pollfd fd{listener, POLLIN, 0};
        if (poll(&fd, 1, 200) > 0) clients.push_back(accept(listener, nullptr, nullptr));
    }
    return 0;
}
