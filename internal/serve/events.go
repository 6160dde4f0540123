package serve

import (
	"fmt"
	"net/http"
	"sync"
	"time"
)

// EventsPath is where browsers listen for rebuilds (Server-Sent Events).
const EventsPath = "/__loa/events"

// broker sends events to every browser listening on EventsPath.
type broker struct {
	mu      sync.Mutex
	clients map[chan string]bool
}

func newBroker() *broker { return &broker{clients: map[chan string]bool{}} }

// send tells every browser about an event: "reload", "css" or "problems".
// A browser that has not taken the last event gets only the newest.
func (b *broker) send(event string) {
	b.mu.Lock()
	defer b.mu.Unlock()
	for c := range b.clients {
		select {
		case <-c:
		default:
		}
		c <- event
	}
}

// heartbeat is how often an idle stream says it is alive, so that proxies
// and browsers keep it open.
const heartbeat = 20 * time.Second

func (b *broker) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	flusher, ok := w.(http.Flusher)
	if !ok {
		http.Error(w, "streaming unsupported", http.StatusInternalServerError)
		return
	}
	c := make(chan string, 1)
	b.mu.Lock()
	b.clients[c] = true
	b.mu.Unlock()
	defer func() {
		b.mu.Lock()
		delete(b.clients, c)
		b.mu.Unlock()
	}()
	h := w.Header()
	h.Set("Content-Type", "text/event-stream")
	h.Set("Cache-Control", "no-store")
	h.Set("X-Accel-Buffering", "no")
	fmt.Fprint(w, "retry: 1000\n\n")
	flusher.Flush()
	tick := time.NewTicker(heartbeat)
	defer tick.Stop()
	for {
		select {
		case <-r.Context().Done():
			return
		case ev := <-c:
			fmt.Fprintf(w, "event: %s\ndata: %d\n\n", ev, time.Now().UnixMilli())
		case <-tick.C:
			fmt.Fprint(w, ": alive\n\n")
		}
		flusher.Flush()
	}
}

// clientScript is added to every HTML page served, and only there: it
// reloads the page after a rebuild, or only its style sheets when only
// they changed.
const clientScript = `<script>(function(){
var es=new EventSource("/__loa/events");
es.addEventListener("reload",function(){location.reload();});
es.addEventListener("problems",function(){location.reload();});
es.addEventListener("css",function(){
document.querySelectorAll('link[rel="stylesheet"]').forEach(function(l){
var u=new URL(l.href,location.href);u.searchParams.set("loa",Date.now());l.href=u.href;});});
})();</script>`
