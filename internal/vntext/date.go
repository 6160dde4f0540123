package vntext

import (
	"fmt"
	"time"
)

// DateLine formats the date line of an official Vietnamese document:
//
//	DateLine("Hưng Yên", 2025-02-25) == "Hưng Yên, ngày 25 tháng 02 năm 2025"
//	DateLine("Hà Nội", 2018-04-03)   == "Hà Nội, ngày 03 tháng 4 năm 2018"
//
// The day always has two digits; the month has two digits only for January
// and February (Nghị định 30/2020/NĐ-CP, Appendix I), so that "tháng 1" can
// not be altered into "tháng 10" or "tháng 11". Without a place the line
// starts with "Ngày".
func DateLine(place string, t time.Time) string {
	month := fmt.Sprint(int(t.Month()))
	if t.Month() <= time.February {
		month = fmt.Sprintf("%02d", int(t.Month()))
	}
	date := fmt.Sprintf("ngày %02d tháng %s năm %d", t.Day(), month, t.Year())
	if place == "" {
		return "N" + date[1:]
	}
	return place + ", " + date
}
