<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi">
  <context>
    <name>grassroots</name>
    <message>
      <source>usage: </source>
      <translation>cách dùng: </translation>
    </message>
    <message>
      <source>argument %(argument_name)s: %(message)s</source>
      <translation>tham số %(argument_name)s: %(message)s</translation>
    </message>
    <message>
      <source>positional arguments</source>
      <translation>tham số vị trí</translation>
    </message>
    <message>
      <source>options</source>
      <translation>tùy chọn</translation>
    </message>
    <message>
      <source>show this help message and exit</source>
      <translation>hiện trợ giúp này rồi thoát</translation>
    </message>
    <message>
      <source>unrecognized arguments: %s</source>
      <translation>tham số không nhận ra: %s</translation>
    </message>
    <message>
      <source>the following arguments are required: %s</source>
      <translation>còn thiếu các tham số bắt buộc: %s</translation>
    </message>
    <message>
      <source>expected one argument</source>
      <translation>cần đúng một giá trị</translation>
    </message>
    <message>
      <source>expected at least one argument</source>
      <translation>cần ít nhất một giá trị</translation>
    </message>
    <message>
      <source>invalid %(type)s value: %(value)r</source>
      <translation>giá trị %(type)s không hợp lệ: %(value)r</translation>
    </message>
    <message>
      <source>invalid choice: %(value)r (choose from %(choices)s)</source>
      <translation>lựa chọn không hợp lệ: %(value)r (chọn một trong: %(choices)s)</translation>
    </message>
    <message>
      <source>ambiguous option: %(option)s could match %(matches)s</source>
      <translation>tùy chọn không rõ: %(option)s có thể là %(matches)s</translation>
    </message>
    <message>
      <source>'{text}' is not a date; write YYYY-MM-DD or dd/mm/yyyy.</source>
      <translation>'{text}' không phải là ngày hợp lệ; hãy viết theo dạng YYYY-MM-DD hoặc dd/mm/yyyy.</translation>
    </message>
    <message>
      <source>Demo data built:</source>
      <translation>Đã tạo dữ liệu mẫu:</translation>
    </message>
    <message>
      <source>create a unit</source>
      <translation>thêm một đơn vị</translation>
    </message>
    <message>
      <source>list the units under a unit</source>
      <translation>liệt kê các đơn vị trực thuộc một đơn vị</translation>
    </message>
    <message>
      <source>move a unit under another parent</source>
      <translation>chuyển đơn vị sang trực thuộc đơn vị khác</translation>
    </message>
    <message>
      <source>close a unit</source>
      <translation>giải thể (đóng) một đơn vị</translation>
    </message>
    <message>
      <source>merge a unit into another</source>
      <translation>sáp nhập một đơn vị vào đơn vị khác</translation>
    </message>
    <message>
      <source>create a cluster</source>
      <translation>thêm một cụm</translation>
    </message>
    <message>
      <source>list the clusters</source>
      <translation>liệt kê các cụm</translation>
    </message>
    <message>
      <source>show, add or remove communes</source>
      <translation>xem, thêm hoặc bớt xã trong cụm</translation>
    </message>
    <message>
      <source>record a cadre</source>
      <translation>thêm một cán bộ</translation>
    </message>
    <message>
      <source>list the cadres</source>
      <translation>liệt kê cán bộ</translation>
    </message>
    <message>
      <source>set up a new database</source>
      <translation>thiết lập cơ sở dữ liệu mới</translation>
    </message>
    <message>
      <source>build the demo data</source>
      <translation>tạo dữ liệu mẫu</translation>
    </message>
    <message>
      <source>put a cadre in charge of a unit or cluster</source>
      <translation>phân công cán bộ phụ trách đơn vị hoặc cụm</translation>
    </message>
    <message>
      <source>end an assignment</source>
      <translation>kết thúc một phân công</translation>
    </message>
    <message>
      <source>show gaps, coverage per level and workload</source>
      <translation>xem chỗ còn thiếu người phụ trách, tỷ lệ bao phủ theo cấp và khối lượng công việc</translation>
    </message>
    <message>
      <source>The database is ready for the {model} model.</source>
      <translation>Cơ sở dữ liệu đã sẵn sàng theo mô hình {model}.</translation>
    </message>
    <message>
      <source>No units.</source>
      <translation>Không có đơn vị nào.</translation>
    </message>
    <message>
      <source>Moved: now {path}.</source>
      <translation>Đã chuyển: nay là {path}.</translation>
    </message>
    <message>
      <source>Closed '{name}' on {day}.</source>
      <translation>Đã giải thể '{name}' từ ngày {day}.</translation>
    </message>
    <message>
      <source>Merged '{source}' into '{target}'.</source>
      <translation>Đã sáp nhập '{source}' vào '{target}'.</translation>
    </message>
    <message>
      <source>No clusters.</source>
      <translation>Không có cụm nào.</translation>
    </message>
    <message>
      <source>No communes.</source>
      <translation>Không có xã nào.</translation>
    </message>
    <message>
      <source>No cadres.</source>
      <translation>Không có cán bộ nào.</translation>
    </message>
    <message>
      <source>The assignment ends on {day}.</source>
      <translation>Phân công kết thúc từ ngày {day}.</translation>
    </message>
    <message>
      <source>Coverage on {day}:</source>
      <translation>Tình hình phân công phụ trách ngày {day}:</translation>
    </message>
    <message>
      <source>Gaps: {count}</source>
      <translation>Nơi còn thiếu người phụ trách: {count}</translation>
    </message>
    <message>
      <source>Overloaded cadres: {count}</source>
      <translation>Cán bộ phụ trách quá nhiều địa bàn: {count}</translation>
    </message>
    <message>
      <source>parent unit: id, official code or path</source>
      <translation>đơn vị cấp trên: mã định danh, mã hành chính hoặc đường dẫn</translation>
    </message>
    <message>
      <source>first day (default: today)</source>
      <translation>ngày bắt đầu (mặc định: hôm nay)</translation>
    </message>
    <message>
      <source>mountain or remote area</source>
      <translation>vùng núi, vùng sâu, vùng xa</translation>
    </message>
    <message>
      <source>Grassroots: the 'grasp the base' register.</source>
      <translation>Nắm cơ sở: sổ theo dõi phân công cán bộ phụ trách địa bàn.</translation>
    </message>
    <message>
      <source>database file or SQLAlchemy URL (default: $GRASSROOTS_DB, then the per-user data folder)</source>
      <translation>tệp cơ sở dữ liệu hoặc URL SQLAlchemy (mặc định: $GRASSROOTS_DB, sau đó là thư mục dữ liệu của người dùng)</translation>
    </message>
    <message>
      <source>cadre id or full name</source>
      <translation>mã định danh hoặc họ tên cán bộ</translation>
    </message>
    <message>
      <source>unit (id, code or path) or cluster (id or name)</source>
      <translation>đơn vị (mã định danh, mã hành chính hoặc đường dẫn) hoặc cụm (mã định danh hoặc tên)</translation>
    </message>
    <message>
      <source>assignment id</source>
      <translation>mã định danh của phân công</translation>
    </message>
    <message>
      <source>Created {path} ({kind}), id {id}.</source>
      <translation>Đã thêm {path} ({kind}), mã định danh {id}.</translation>
    </message>
    <message>
      <source>{province}: {added} units added, {matched} already present.</source>
      <translation>{province}: đã thêm {added} đơn vị, {matched} đơn vị đã có sẵn.</translation>
    </message>
    <message>
      <source>Created the cluster '{name}', id {id}.</source>
      <translation>Đã thêm cụm '{name}', mã định danh {id}.</translation>
    </message>
    <message>
      <source>Recorded the cadre {name}, id {id}.</source>
      <translation>Đã thêm cán bộ {name}, mã định danh {id}.</translation>
    </message>
    <message>
      <source>{name} is in charge of {path} as '{role}' (assignment {id}).</source>
      <translation>{name} phụ trách {path} với vai trò '{role}' (phân công {id}).</translation>
    </message>
    <message>
      <source>print JSON for scripts</source>
      <translation>in kết quả dạng JSON cho chương trình khác</translation>
    </message>
    <message>
      <source>administrative units</source>
      <translation>đơn vị hành chính</translation>
    </message>
    <message>
      <source>clusters of communes</source>
      <translation>cụm xã</translation>
    </message>
    <message>
      <source>cadres</source>
      <translation>cán bộ</translation>
    </message>
    <message>
      <source>Invalid command: {message}</source>
      <translation>Lệnh không hợp lệ: {message}</translation>
    </message>
    <message>
      <source>Cannot open the database: {error}</source>
      <translation>Không mở được cơ sở dữ liệu: {error}</translation>
    </message>
    <message>
      <source>Error: {message}</source>
      <translation>Lỗi: {message}</translation>
    </message>
    <message>
      <source>This assignment has already ended.</source>
      <translation>Phân công này đã kết thúc.</translation>
    </message>
    <message>
      <source>An assignment must end after its start date {start}.</source>
      <translation>Ngày kết thúc phân công phải sau ngày bắt đầu {start}.</translation>
    </message>
    <message>
      <source>The assignment has lasted less than the minimum tenure of {months} months; give the reason for ending it early.</source>
      <translation>Phân công chưa đủ thời gian tối thiểu {months} tháng; hãy nêu lý do kết thúc sớm.</translation>
    </message>
    <message>
      <source>This cadre already holds the role '{role}' here from {start}{until}.</source>
      <translation>Cán bộ này đã giữ vai trò '{role}' tại đây từ {start}{until}.</translation>
    </message>
    <message>
      <source>'{kind}' is not a kind of {level}; expected one of: {known}.</source>
      <translation>'{kind}' không phải là loại đơn vị cấp {level}; các loại hợp lệ: {known}.</translation>
    </message>
    <message>
      <source>The {preset} model has no {level} level.</source>
      <translation>Mô hình {preset} không có cấp {level}.</translation>
    </message>
    <message>
      <source>The name is empty.</source>
      <translation>Tên đang để trống.</translation>
    </message>
    <message>
      <source>A {level} has no parent unit.</source>
      <translation>Đơn vị cấp {level} không có đơn vị cấp trên.</translation>
    </message>
    <message>
      <source>A {level} must be placed under a {expected}.</source>
      <translation>Đơn vị cấp {level} phải trực thuộc một đơn vị cấp {expected}.</translation>
    </message>
    <message>
      <source>The parent of a {level} must be a {expected}, not a {actual}.</source>
      <translation>Cấp trên của đơn vị cấp {level} phải là cấp {expected}, không phải cấp {actual}.</translation>
    </message>
    <message>
      <source>Another unit under the same parent is already named '{name}'.</source>
      <translation>Đơn vị cấp trên này đã có một đơn vị khác tên '{name}'.</translation>
    </message>
    <message>
      <source>'{what}' does not exist on {day}.</source>
      <translation>'{what}' không tồn tại vào ngày {day}.</translation>
    </message>
    <message>
      <source>A unit cannot be placed under itself or its own descendants.</source>
      <translation>Không thể đặt một đơn vị trực thuộc chính nó hoặc đơn vị cấp dưới của nó.</translation>
    </message>
    <message>
      <source>province</source>
      <translation>tỉnh</translation>
    </message>
    <message>
      <source>district</source>
      <translation>huyện</translation>
    </message>
    <message>
      <source>cluster</source>
      <translation>cụm</translation>
    </message>
    <message>
      <source>commune</source>
      <translation>xã</translation>
    </message>
    <message>
      <source>hamlet</source>
      <translation>ấp/thôn</translation>
    </message>
    <message>
      <source>self-governing group</source>
      <translation>tổ nhân dân tự quản</translation>
    </message>
    <message>
      <source>two-level</source>
      <translation>hai cấp</translation>
    </message>
    <message>
      <source>three-level</source>
      <translation>ba cấp</translation>
    </message>
    <message>
      <source>province tier</source>
      <translation>cấp tỉnh</translation>
    </message>
    <message>
      <source>district tier</source>
      <translation>cấp huyện</translation>
    </message>
    <message>
      <source>commune tier</source>
      <translation>cấp xã</translation>
    </message>
    <message>
      <source>standing-committee member</source>
      <translation>ủy viên Ban Thường vụ</translation>
    </message>
    <message>
      <source>committee member</source>
      <translation>cấp ủy viên</translation>
    </message>
    <message>
      <source>party member</source>
      <translation>đảng viên</translation>
    </message>
    <message>
      <source>male</source>
      <translation>nam</translation>
    </message>
    <message>
      <source>female</source>
      <translation>nữ</translation>
    </message>
    <message>
      <source>active</source>
      <translation>đang công tác</translation>
    </message>
    <message>
      <source>left</source>
      <translation>đã nghỉ</translation>
    </message>
    <message>
      <source>The end date {end} must come after the start date {start}.</source>
      <translation>Ngày kết thúc {end} phải sau ngày bắt đầu {start}.</translation>
    </message>
    <message>
      <source>A {level} has several roles; name one of: {roles}.</source>
      <translation>Cấp {level} có nhiều vai trò; hãy chọn một: {roles}.</translation>
    </message>
    <message>
      <source>No grasp rule gives a {level} the role '{role}'.</source>
      <translation>Không có quy định phân công nào cho cấp {level} với vai trò '{role}'.</translation>
    </message>
    <message>
      <source>{name} has left and cannot be assigned.</source>
      <translation>{name} đã nghỉ công tác, không thể phân công.</translation>
    </message>
    <message>
      <source>The minimum number in charge cannot be negative.</source>
      <translation>Số người phụ trách tối thiểu không thể âm.</translation>
    </message>
    <message>
      <source>The minimum tenure must be between 0 and 120 months.</source>
      <translation>Thời gian phụ trách tối thiểu phải từ 0 đến 120 tháng.</translation>
    </message>
    <message>
      <source>No unit or cluster has the id '{id}'.</source>
      <translation>Không có đơn vị hay cụm nào có mã định danh '{id}'.</translation>
    </message>
    <message>
      <source>No assignment has the id '{id}'.</source>
      <translation>Không có phân công nào có mã định danh '{id}'.</translation>
    </message>
    <message>
      <source>Several cadres are named '{name}'; use the id.</source>
      <translation>Có nhiều cán bộ tên '{name}'; hãy dùng mã định danh.</translation>
    </message>
    <message>
      <source>No cadre has the id '{id}'.</source>
      <translation>Không có cán bộ nào có mã định danh '{id}'.</translation>
    </message>
    <message>
      <source>No cadre is named '{name}'.</source>
      <translation>Không tìm thấy cán bộ nào tên '{name}'.</translation>
    </message>
    <message>
      <source>The birth year {year} is not plausible.</source>
      <translation>Năm sinh {year} không hợp lý.</translation>
    </message>
    <message>
      <source>An assignment of this cadre starts on {day}, after that date.</source>
      <translation>Cán bộ này có phân công bắt đầu ngày {day}, sau ngày đã chọn.</translation>
    </message>
    <message>
      <source>Several clusters are named '{name}'; use the id.</source>
      <translation>Có nhiều cụm tên '{name}'; hãy dùng mã định danh.</translation>
    </message>
    <message>
      <source>This commune is not in that cluster.</source>
      <translation>Xã này không thuộc cụm đó.</translation>
    </message>
    <message>
      <source>No cluster has the id '{id}'.</source>
      <translation>Không có cụm nào có mã định danh '{id}'.</translation>
    </message>
    <message>
      <source>No cluster is named '{name}'.</source>
      <translation>Không tìm thấy cụm nào tên '{name}'.</translation>
    </message>
    <message>
      <source>In the {preset} model a cluster belongs to a {expected}, not a {actual}.</source>
      <translation>Trong mô hình {preset}, cụm thuộc cấp {expected}, không phải cấp {actual}.</translation>
    </message>
    <message>
      <source>Only communes belong to clusters; '{name}' is a {level}.</source>
      <translation>Chỉ xã mới thuộc cụm; '{name}' là đơn vị cấp {level}.</translation>
    </message>
    <message>
      <source>The commune joined this cluster on {day}; pick a later date.</source>
      <translation>Xã vào cụm này ngày {day}; hãy chọn ngày sau đó.</translation>
    </message>
    <message>
      <source>No province in the official list is named '{name}'.</source>
      <translation>Danh mục hành chính chính thức không có tỉnh nào tên '{name}'.</translation>
    </message>
    <message>
      <source>No province was named.</source>
      <translation>Chưa nêu tên tỉnh.</translation>
    </message>
    <message>
      <source>This database is already set up for the {preset} model.</source>
      <translation>Cơ sở dữ liệu này đã được thiết lập theo mô hình {preset}.</translation>
    </message>
    <message>
      <source>This database is not set up yet: choose the two-level or three-level model first.</source>
      <translation>Cơ sở dữ liệu chưa được thiết lập: hãy chọn mô hình hai cấp hoặc ba cấp trước.</translation>
    </message>
    <message>
      <source>No unit has the id '{id}'.</source>
      <translation>Không có đơn vị nào có mã định danh '{id}'.</translation>
    </message>
    <message>
      <source>'{name}' is already under '{parent}'.</source>
      <translation>'{name}' đã trực thuộc '{parent}'.</translation>
    </message>
    <message>
      <source>'{name}' can only be closed after it began on {day}.</source>
      <translation>'{name}' chỉ có thể giải thể sau ngày thành lập {day}.</translation>
    </message>
    <message>
      <source>A unit cannot be merged into itself.</source>
      <translation>Không thể sáp nhập một đơn vị vào chính nó.</translation>
    </message>
    <message>
      <source>Only units of the same level can be merged: '{source}' is a {source_level}, '{target}' a {target_level}.</source>
      <translation>Chỉ sáp nhập được các đơn vị cùng cấp: '{source}' là cấp {source_level}, '{target}' là cấp {target_level}.</translation>
    </message>
    <message>
      <source>No unit was named.</source>
      <translation>Chưa nêu đơn vị nào.</translation>
    </message>
    <message>
      <source>The official code {code} already belongs to '{name}'.</source>
      <translation>Mã hành chính {code} đã thuộc về '{name}'.</translation>
    </message>
    <message>
      <source>A {level} cannot have units under it.</source>
      <translation>Đơn vị cấp {level} không có đơn vị trực thuộc.</translation>
    </message>
    <message>
      <source>'{path}' names more than one unit; use its id or code.</source>
      <translation>'{path}' ứng với nhiều đơn vị; hãy dùng mã định danh hoặc mã hành chính.</translation>
    </message>
    <message>
      <source>No unit is found at '{path}'.</source>
      <translation>Không tìm thấy đơn vị '{path}'.</translation>
    </message>
    <message>
      <source>No unit or cluster is named '{name}'.</source>
      <translation>Không tìm thấy đơn vị hay cụm nào tên '{name}'.</translation>
    </message>
    <message>
      <source>The number of households cannot be negative.</source>
      <translation>Số hộ không thể âm.</translation>
    </message>
    <message>
      <source>The population cannot be negative.</source>
      <translation>Số nhân khẩu không thể âm.</translation>
    </message>
    <message>
      <source>The number of party members cannot be negative.</source>
      <translation>Số đảng viên không thể âm.</translation>
    </message>
    <message>
      <source>close a cluster</source>
      <translation>giải thể một cụm</translation>
    </message>
    <message>
      <source>'{what}' was closed on {day}.</source>
      <translation>'{what}' đã giải thể từ ngày {day}.</translation>
    </message>
    <message>
      <source>'{what}' was placed under its current parent on {placed}; pick a later date.</source>
      <translation>'{what}' được chuyển về đơn vị cấp trên hiện nay từ ngày {placed}; hãy chọn ngày sau đó.</translation>
    </message>
    <message>
      <source>A commune joins or leaves '{name}' after that date; change it first.</source>
      <translation>Có xã vào hoặc ra khỏi '{name}' sau ngày đó; hãy điều chỉnh trước.</translation>
    </message>
    <message>
      <source>Planning the demo hierarchy</source>
      <translation>Đang lập sơ đồ đơn vị mẫu</translation>
    </message>
    <message>
      <source>Creating communes, hamlets and groups</source>
      <translation>Đang tạo xã, ấp và tổ</translation>
    </message>
    <message>
      <source>Saving the demo data</source>
      <translation>Đang lưu dữ liệu mẫu</translation>
    </message>
    <message>
      <source>one district</source>
      <translation>một huyện</translation>
    </message>
    <message>
      <source>one province</source>
      <translation>một tỉnh</translation>
    </message>
    <message>
      <source>the whole country</source>
      <translation>cả nước</translation>
    </message>
    <message>
      <source>Demo data can only be added to an empty database; this one already holds units.</source>
      <translation>Chỉ tạo được dữ liệu mẫu trong cơ sở dữ liệu trống; cơ sở dữ liệu này đã có đơn vị.</translation>
    </message>
    <message>
      <source>This database is set up for the {preset} model, not the {wanted} model.</source>
      <translation>Cơ sở dữ liệu này theo mô hình {preset}, không phải mô hình {wanted}.</translation>
    </message>
    <message>
      <source>'{name}' still has {count} units under it on or after that date: close, move or merge them first.</source>
      <translation>'{name}' còn {count} đơn vị trực thuộc vào ngày đó hoặc sau đó: hãy giải thể, chuyển hoặc sáp nhập chúng trước.</translation>
    </message>
    <message>
      <source>'{name}' still has {count} clusters under it on or after that date: close them first.</source>
      <translation>'{name}' còn {count} cụm trực thuộc vào ngày đó hoặc sau đó: hãy giải thể các cụm trước.</translation>
    </message>
    <message>
      <source>An assignment on '{name}' runs past {day} (it starts on {start}); change it first.</source>
      <translation>Có phân công tại '{name}' kéo dài qua ngày {day} (bắt đầu ngày {start}); hãy điều chỉnh trước.</translation>
    </message>
    <message>
      <source>'{name}' is in the cluster '{cluster}' from {start}, after that date; change it first.</source>
      <translation>'{name}' thuộc cụm '{cluster}' từ ngày {start}, sau ngày đó; hãy điều chỉnh trước.</translation>
    </message>
    <message>
      <source>No grasp rule puts a cadre in charge of a {level}.</source>
      <translation>Không có quy định nào phân công cán bộ phụ trách cấp {level}.</translation>
    </message>
    <message>
      <source>Grassroots could not start:
{error}</source>
      <translation>Không khởi động được Nắm cơ sở:
{error}</translation>
    </message>
    <message>
      <source>Assign a cadre</source>
      <translation>Phân công cán bộ</translation>
    </message>
    <message>
      <source>Signed on</source>
      <translation>Ngày ký</translation>
    </message>
    <message>
      <source>Cadre</source>
      <translation>Cán bộ</translation>
    </message>
    <message>
      <source>In charge of</source>
      <translation>Phụ trách</translation>
    </message>
    <message>
      <source>Role</source>
      <translation>Vai trò</translation>
    </message>
    <message>
      <source>From</source>
      <translation>Từ ngày</translation>
    </message>
    <message>
      <source>Decision number</source>
      <translation>Số quyết định</translation>
    </message>
    <message>
      <source>Decision date</source>
      <translation>Ngày quyết định</translation>
    </message>
    <message>
      <source>Note</source>
      <translation>Ghi chú</translation>
    </message>
    <message>
      <source>End the assignment</source>
      <translation>Kết thúc phân công</translation>
    </message>
    <message>
      <source>Ends on</source>
      <translation>Kết thúc từ ngày</translation>
    </message>
    <message>
      <source>Reason</source>
      <translation>Lý do</translation>
    </message>
    <message>
      <source>End the assignment of {name}</source>
      <translation>Kết thúc phân công của {name}</translation>
    </message>
    <message>
      <source>Assign {name}</source>
      <translation>Phân công {name}</translation>
    </message>
    <message>
      <source>The minimum tenure is reached on {day}; ending before that day needs a reason.</source>
      <translation>Đủ thời gian phụ trách tối thiểu vào ngày {day}; kết thúc trước ngày đó cần nêu lý do.</translation>
    </message>
    <message>
      <source>Member of the Standing Committee</source>
      <translation>Ủy viên Ban Thường vụ</translation>
    </message>
    <message>
      <source>Member of the Party Committee</source>
      <translation>Cấp ủy viên</translation>
    </message>
    <message>
      <source>Party member</source>
      <translation>Đảng viên</translation>
    </message>
    <message>
      <source>Edit a cadre</source>
      <translation>Sửa thông tin cán bộ</translation>
    </message>
    <message>
      <source>Add a cadre</source>
      <translation>Thêm cán bộ</translation>
    </message>
    <message>
      <source>Full name</source>
      <translation>Họ và tên</translation>
    </message>
    <message>
      <source>Gender</source>
      <translation>Giới tính</translation>
    </message>
    <message>
      <source>Birth year</source>
      <translation>Năm sinh</translation>
    </message>
    <message>
      <source>Position</source>
      <translation>Chức vụ</translation>
    </message>
    <message>
      <source>Workplace</source>
      <translation>Nơi công tác</translation>
    </message>
    <message>
      <source>Tier</source>
      <translation>Cấp</translation>
    </message>
    <message>
      <source>Phone</source>
      <translation>Điện thoại</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>Tình trạng</translation>
    </message>
    <message>
      <source>Edit {name}</source>
      <translation>Sửa {name}</translation>
    </message>
    <message>
      <source>Add {name}</source>
      <translation>Thêm {name}</translation>
    </message>
    <message>
      <source>Memberships</source>
      <translation>Tư cách</translation>
    </message>
    <message>
      <source>Details</source>
      <translation>Thông tin</translation>
    </message>
    <message>
      <source>In charge of, now and before</source>
      <translation>Địa bàn phụ trách, hiện nay và trước đây</translation>
    </message>
    <message>
      <source>End the assignment…</source>
      <translation>Kết thúc phân công…</translation>
    </message>
    <message>
      <source>Target</source>
      <translation>Địa bàn</translation>
    </message>
    <message>
      <source>Until</source>
      <translation>Đến ngày</translation>
    </message>
    <message>
      <source>Decision</source>
      <translation>Quyết định</translation>
    </message>
    <message>
      <source>Reason for ending</source>
      <translation>Lý do kết thúc</translation>
    </message>
    <message>
      <source>Choose a cadre in the list.</source>
      <translation>Chọn một cán bộ trong danh sách.</translation>
    </message>
    <message>
      <source>Grassroots</source>
      <translation>Nắm cơ sở</translation>
    </message>
    <message>
      <source>Something went wrong and the operation was not completed. Nothing was half-saved.
The details are in the log file:
{path}</source>
      <translation>Đã xảy ra sự cố, thao tác chưa được thực hiện. Không có dữ liệu nào bị lưu dở dang.
Chi tiết có trong tệp nhật ký:
{path}</translation>
    </message>
    <message>
      <source>Welcome to Grassroots</source>
      <translation>Chào mừng đến với Nắm cơ sở</translation>
    </message>
    <message>
      <source>This database is empty. How do you want to start?</source>
      <translation>Cơ sở dữ liệu này đang trống. Anh/chị muốn bắt đầu thế nào?</translation>
    </message>
    <message>
      <source>A new database for my area</source>
      <translation>Tạo cơ sở dữ liệu mới cho địa bàn của tôi</translation>
    </message>
    <message>
      <source>The demo data, to look around</source>
      <translation>Dùng dữ liệu mẫu để làm quen</translation>
    </message>
    <message>
      <source>Two-level government (province, commune) — since 1 July 2025</source>
      <translation>Chính quyền hai cấp (tỉnh, xã) — từ ngày 01/7/2025</translation>
    </message>
    <message>
      <source>Three-level government (province, district, commune)</source>
      <translation>Chính quyền ba cấp (tỉnh, huyện, xã)</translation>
    </message>
    <message>
      <source>Model</source>
      <translation>Mô hình</translation>
    </message>
    <message>
      <source>Province (official list)</source>
      <translation>Tỉnh (danh mục chính thức)</translation>
    </message>
    <message>
      <source>Setting up the database…</source>
      <translation>Đang thiết lập cơ sở dữ liệu…</translation>
    </message>
    <message>
      <source>Importing the official units…</source>
      <translation>Đang nhập danh mục đơn vị hành chính…</translation>
    </message>
    <message>
      <source>Grassroots — grasp the base</source>
      <translation>Nắm cơ sở</translation>
    </message>
    <message>
      <source>Cadres</source>
      <translation>Cán bộ</translation>
    </message>
    <message>
      <source>&amp;New database…</source>
      <translation>&amp;Tạo cơ sở dữ liệu mới…</translation>
    </message>
    <message>
      <source>&amp;Open database…</source>
      <translation>&amp;Mở cơ sở dữ liệu…</translation>
    </message>
    <message>
      <source>&amp;Quit</source>
      <translation>&amp;Thoát</translation>
    </message>
    <message>
      <source>Undo</source>
      <translation>Hoàn tác</translation>
    </message>
    <message>
      <source>Redo</source>
      <translation>Làm lại</translation>
    </message>
    <message>
      <source>Group communes by &amp;cluster</source>
      <translation>Xếp xã theo &amp;cụm</translation>
    </message>
    <message>
      <source>Show &amp;closed units</source>
      <translation>Hiện đơn vị đã &amp;giải thể</translation>
    </message>
    <message>
      <source>&amp;Find a unit</source>
      <translation>Tìm đơn &amp;vị</translation>
    </message>
    <message>
      <source>&amp;File</source>
      <translation>&amp;Tệp</translation>
    </message>
    <message>
      <source>&amp;Recent databases</source>
      <translation>Cơ sở dữ liệu &amp;gần đây</translation>
    </message>
    <message>
      <source>&amp;Edit</source>
      <translation>&amp;Sửa</translation>
    </message>
    <message>
      <source>&amp;View</source>
      <translation>&amp;Xem</translation>
    </message>
    <message>
      <source>&amp;Language</source>
      <translation>&amp;Ngôn ngữ</translation>
    </message>
    <message>
      <source>Main</source>
      <translation>Thanh công cụ chính</translation>
    </message>
    <message>
      <source>Show the hierarchy and the assignments as they were on this day</source>
      <translation>Xem hệ thống đơn vị và phân công như vào ngày này</translation>
    </message>
    <message>
      <source>New database</source>
      <translation>Cơ sở dữ liệu mới</translation>
    </message>
    <message>
      <source>Grassroots database (*.sqlite)</source>
      <translation>Cơ sở dữ liệu Nắm cơ sở (*.sqlite)</translation>
    </message>
    <message>
      <source>Open database</source>
      <translation>Mở cơ sở dữ liệu</translation>
    </message>
    <message>
      <source>As of</source>
      <translation>Ngày xem</translation>
    </message>
    <message>
      <source>{count} gaps in coverage</source>
      <translation>Còn {count} chỗ thiếu người phụ trách</translation>
    </message>
    <message>
      <source>Targets</source>
      <translation>Số địa bàn</translation>
    </message>
    <message>
      <source>More targets than the workload threshold allows</source>
      <translation>Phụ trách nhiều địa bàn hơn ngưỡng cho phép</translation>
    </message>
    <message>
      <source>All tiers</source>
      <translation>Tất cả các cấp</translation>
    </message>
    <message>
      <source>Workplace contains…</source>
      <translation>Nơi công tác có chứa…</translation>
    </message>
    <message>
      <source>Standing-committee members</source>
      <translation>Ủy viên Ban Thường vụ</translation>
    </message>
    <message>
      <source>Committee members</source>
      <translation>Cấp ủy viên</translation>
    </message>
    <message>
      <source>Active only</source>
      <translation>Chỉ người đang công tác</translation>
    </message>
    <message>
      <source>Unassigned</source>
      <translation>Chưa được phân công</translation>
    </message>
    <message>
      <source>Overloaded</source>
      <translation>Phụ trách quá nhiều</translation>
    </message>
    <message>
      <source>Add cadre…</source>
      <translation>Thêm cán bộ…</translation>
    </message>
    <message>
      <source>Edit…</source>
      <translation>Sửa…</translation>
    </message>
    <message>
      <source>Loading…</source>
      <translation>Đang tải…</translation>
    </message>
    <message>
      <source>{shown} of {total} cadres</source>
      <translation>{shown}/{total} cán bộ</translation>
    </message>
    <message>
      <source>Search units by name or code (accents optional)</source>
      <translation>Tìm đơn vị theo tên hoặc mã (gõ có dấu hay không dấu đều được)</translation>
    </message>
    <message>
      <source>No unit found</source>
      <translation>Không tìm thấy đơn vị nào</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>Hủy</translation>
    </message>
    <message>
      <source>Please wait</source>
      <translation>Vui lòng chờ</translation>
    </message>
    <message>
      <source>1 gap</source>
      <translation>thiếu 1</translation>
    </message>
    <message>
      <source>Not in a cluster</source>
      <translation>Chưa thuộc cụm</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>Tên</translation>
    </message>
    <message>
      <source>Kind</source>
      <translation>Loại</translation>
    </message>
    <message>
      <source>Coverage</source>
      <translation>Phụ trách</translation>
    </message>
    <message>
      <source>{n} gaps</source>
      <translation>thiếu {n}</translation>
    </message>
    <message>
      <source>Mountain or remote area</source>
      <translation>Vùng núi, vùng sâu, vùng xa</translation>
    </message>
    <message>
      <source>Households</source>
      <translation>Số hộ</translation>
    </message>
    <message>
      <source>Population</source>
      <translation>Số nhân khẩu</translation>
    </message>
    <message>
      <source>Party members</source>
      <translation>Số đảng viên</translation>
    </message>
    <message>
      <source>Add a unit</source>
      <translation>Thêm đơn vị</translation>
    </message>
    <message>
      <source>Official code</source>
      <translation>Mã hành chính</translation>
    </message>
    <message>
      <source>No unit chosen</source>
      <translation>Chưa chọn đơn vị</translation>
    </message>
    <message>
      <source>New parent unit</source>
      <translation>Đơn vị cấp trên mới</translation>
    </message>
    <message>
      <source>The unit stays in the history but disappears from the hierarchy from that day; the assignments on it end that day.</source>
      <translation>Đơn vị vẫn được lưu trong lịch sử nhưng không còn trong hệ thống từ ngày đó; các phân công tại đơn vị kết thúc cùng ngày.</translation>
    </message>
    <message>
      <source>Closed from</source>
      <translation>Giải thể từ ngày</translation>
    </message>
    <message>
      <source>Carry its assignments over to the merged unit</source>
      <translation>Chuyển các phân công sang đơn vị sau sáp nhập</translation>
    </message>
    <message>
      <source>End its assignments</source>
      <translation>Kết thúc các phân công</translation>
    </message>
    <message>
      <source>Merge into</source>
      <translation>Sáp nhập vào</translation>
    </message>
    <message>
      <source>On</source>
      <translation>Ngày</translation>
    </message>
    <message>
      <source>Note (decision)</source>
      <translation>Ghi chú (quyết định)</translation>
    </message>
    <message>
      <source>Choose the new parent unit first.</source>
      <translation>Hãy chọn đơn vị cấp trên mới trước.</translation>
    </message>
    <message>
      <source>Choose the unit to merge into first.</source>
      <translation>Hãy chọn đơn vị sáp nhập vào trước.</translation>
    </message>
    <message>
      <source>Merge '{name}' into '{target}'? It will be closed and its units moved.</source>
      <translation>Sáp nhập '{name}' vào '{target}'? Đơn vị này sẽ giải thể và các đơn vị trực thuộc được chuyển sang.</translation>
    </message>
    <message>
      <source>Move {name}</source>
      <translation>Chuyển {name}</translation>
    </message>
    <message>
      <source>Close {name}</source>
      <translation>Giải thể {name}</translation>
    </message>
    <message>
      <source>Merge {name}</source>
      <translation>Sáp nhập {name}</translation>
    </message>
    <message>
      <source>Choose a cadre</source>
      <translation>Chọn cán bộ</translation>
    </message>
    <message>
      <source>Type part of the name (accents optional)</source>
      <translation>Gõ một phần tên (có dấu hay không dấu đều được)</translation>
    </message>
    <message>
      <source>Save changes</source>
      <translation>Lưu thay đổi</translation>
    </message>
    <message>
      <source>In charge, now and before</source>
      <translation>Người phụ trách, hiện nay và trước đây</translation>
    </message>
    <message>
      <source>Assign a cadre…</source>
      <translation>Phân công cán bộ…</translation>
    </message>
    <message>
      <source>Gaps here and below</source>
      <translation>Chỗ thiếu người phụ trách tại đây và cấp dưới</translation>
    </message>
    <message>
      <source>Add a unit under it…</source>
      <translation>Thêm đơn vị trực thuộc…</translation>
    </message>
    <message>
      <source>Move…</source>
      <translation>Chuyển…</translation>
    </message>
    <message>
      <source>Close…</source>
      <translation>Giải thể…</translation>
    </message>
    <message>
      <source>Merge into…</source>
      <translation>Sáp nhập vào…</translation>
    </message>
    <message>
      <source>Counting…</source>
      <translation>Đang đếm…</translation>
    </message>
    <message>
      <source>Choose a unit in the tree or search for it.</source>
      <translation>Chọn một đơn vị trên cây hoặc tìm theo tên.</translation>
    </message>
    <message>
      <source>The cluster lacks its standing-committee member.</source>
      <translation>Cụm chưa có Ủy viên Ban Thường vụ phụ trách.</translation>
    </message>
    <message>
      <source>No gaps.</source>
      <translation>Không thiếu người phụ trách.</translation>
    </message>
    <message>
      <source>Select an assignment first.</source>
      <translation>Hãy chọn một phân công trước.</translation>
    </message>
    <message>
      <source>{level}, from {start}{end}</source>
      <translation>Cấp {level}, từ ngày {start}{end}</translation>
    </message>
    <message>
      <source>{path} — {role}: {assigned} of {required}</source>
      <translation>{path} — {role}: {assigned}/{required}</translation>
    </message>
    <message>
      <source> until {day}</source>
      <translation> đến ngày {day}</translation>
    </message>
    <message>
      <source>OK</source>
      <translation>Đồng ý</translation>
    </message>
    <message>
      <source>assignments</source>
      <translation>phân công</translation>
    </message>
    <message>
      <source>list the meeting-free days (or export them with the meetings)</source>
      <translation>liệt kê các ngày dành cho cơ sở (hoặc xuất cùng các cuộc họp)</translation>
    </message>
    <message>
      <source>write the meeting-free days and meetings to an .ics file</source>
      <translation>ghi các ngày dành cho cơ sở và các cuộc họp ra tệp .ics</translation>
    </message>
    <message>
      <source>record a meeting</source>
      <translation>ghi một cuộc họp</translation>
    </message>
    <message>
      <source>list the meetings of a day or a month</source>
      <translation>liệt kê các cuộc họp trong một ngày hoặc một tháng</translation>
    </message>
    <message>
      <source>delete a meeting</source>
      <translation>xóa một cuộc họp</translation>
    </message>
    <message>
      <source>No meeting-free days.</source>
      <translation>Không có ngày dành cho cơ sở nào.</translation>
    </message>
    <message>
      <source>Recorded the meeting '{title}' ({when}), id {id}.</source>
      <translation>Đã ghi cuộc họp '{title}' ({when}), mã định danh {id}.</translation>
    </message>
    <message>
      <source>'{text}' is not a time; write HH:MM.</source>
      <translation>'{text}' không phải là giờ hợp lệ; hãy viết theo dạng HH:MM.</translation>
    </message>
    <message>
      <source>Wrote {count} events to {path}.</source>
      <translation>Đã ghi {count} sự kiện vào {path}.</translation>
    </message>
    <message>
      <source>Warning: {message}</source>
      <translation>Lưu ý: {message}</translation>
    </message>
    <message>
      <source>No meetings.</source>
      <translation>Không có cuộc họp nào.</translation>
    </message>
    <message>
      <source>Deleted the meeting '{title}'.</source>
      <translation>Đã xóa cuộc họp '{title}'.</translation>
    </message>
    <message>
      <source>year (default: this year)</source>
      <translation>năm (mặc định: năm nay)</translation>
    </message>
    <message>
      <source>month 1-12 (default: the whole year)</source>
      <translation>tháng 1-12 (mặc định: cả năm)</translation>
    </message>
    <message>
      <source>the .ics file to write</source>
      <translation>tệp .ics cần ghi</translation>
    </message>
    <message>
      <source>only this cadre's meetings and visits (id or full name)</source>
      <translation>chỉ các cuộc họp và lịch xuống cơ sở của cán bộ này (mã định danh hoặc họ tên)</translation>
    </message>
    <message>
      <source>the day of the meeting</source>
      <translation>ngày họp</translation>
    </message>
    <message>
      <source>start time HH:MM (default 08:00)</source>
      <translation>giờ bắt đầu HH:MM (mặc định 08:00)</translation>
    </message>
    <message>
      <source>minutes (default 120)</source>
      <translation>số phút (mặc định 120)</translation>
    </message>
    <message>
      <source>cadre id or full name (repeat for each)</source>
      <translation>mã định danh hoặc họ tên cán bộ (nhắc lại cho từng người)</translation>
    </message>
    <message>
      <source>why it is held on a meeting-free day</source>
      <translation>lý do họp vào ngày dành cho cơ sở</translation>
    </message>
    <message>
      <source>meeting id</source>
      <translation>mã định danh cuộc họp</translation>
    </message>
    <message>
      <source>(moved from {day})</source>
      <translation>(chuyển từ ngày {day})</translation>
    </message>
    <message>
      <source>Meeting-free days of {month}/{year}:</source>
      <translation>Các ngày dành cho cơ sở tháng {month}/{year}:</translation>
    </message>
    <message>
      <source>Meeting-free days of {year}:</source>
      <translation>Các ngày dành cho cơ sở năm {year}:</translation>
    </message>
    <message>
      <source>meetings and trainings</source>
      <translation>cuộc họp và tập huấn</translation>
    </message>
    <message>
      <source>keep it on its day</source>
      <translation>giữ nguyên ngày</translation>
    </message>
    <message>
      <source>move it to the next working day</source>
      <translation>chuyển sang ngày làm việc kế tiếp</translation>
    </message>
    <message>
      <source>move it to the previous working day</source>
      <translation>chuyển về ngày làm việc liền trước</translation>
    </message>
    <message>
      <source>regular committee meeting</source>
      <translation>họp thường kỳ của cấp ủy</translation>
    </message>
    <message>
      <source>agency meeting</source>
      <translation>họp cơ quan</translation>
    </message>
    <message>
      <source>training</source>
      <translation>tập huấn</translation>
    </message>
    <message>
      <source>extraordinary meeting called by the province</source>
      <translation>họp đột xuất do tỉnh triệu tập</translation>
    </message>
    <message>
      <source>other meeting</source>
      <translation>cuộc họp khác</translation>
    </message>
    <message>
      <source>day off</source>
      <translation>ngày nghỉ</translation>
    </message>
    <message>
      <source>working day</source>
      <translation>ngày làm việc</translation>
    </message>
    <message>
      <source>The year must be between {first} and {last}, not {year}.</source>
      <translation>Năm phải từ {first} đến {last}, không phải {year}.</translation>
    </message>
    <message>
      <source>The month must be between 1 and 12, not {month}.</source>
      <translation>Tháng phải từ 1 đến 12, không phải {month}.</translation>
    </message>
    <message>
      <source>The quarter must be between 1 and 4, not {quarter}.</source>
      <translation>Quý phải từ 1 đến 4, không phải {quarter}.</translation>
    </message>
    <message>
      <source>A meeting-free day must be a day of the month from 1 to 31.</source>
      <translation>Ngày dành cho cơ sở phải là một ngày trong tháng, từ 1 đến 31.</translation>
    </message>
    <message>
      <source>The visits to each target per quarter must be between 1 and {most}.</source>
      <translation>Số lần xuống mỗi địa bàn trong quý phải từ 1 đến {most}.</translation>
    </message>
    <message>
      <source>attendee double-booked</source>
      <translation>người dự bị trùng lịch</translation>
    </message>
    <message>
      <source>on a public holiday</source>
      <translation>rơi vào ngày lễ</translation>
    </message>
    <message>
      <source>on a weekend</source>
      <translation>rơi vào cuối tuần</translation>
    </message>
    <message>
      <source>A meeting needs a title.</source>
      <translation>Cuộc họp cần có tên.</translation>
    </message>
    <message>
      <source>The duration must be between 1 and {most} minutes.</source>
      <translation>Thời lượng phải từ 1 đến {most} phút.</translation>
    </message>
    <message>
      <source>{day} is a meeting-free day: a {category} cannot be held on it; only a {allowed} can, with a reason.</source>
      <translation>Ngày {day} là ngày dành cho cơ sở: không tổ chức {category} vào ngày này; chỉ {allowed} mới được tổ chức, và phải nêu lý do.</translation>
    </message>
    <message>
      <source>{day} is a meeting-free day: give the reason for holding this {category} on it.</source>
      <translation>Ngày {day} là ngày dành cho cơ sở: hãy nêu lý do tổ chức {category} vào ngày này.</translation>
    </message>
    <message>
      <source>{name} is already expected at '{other}' ({when}).</source>
      <translation>{name} đã có lịch dự '{other}' ({when}).</translation>
    </message>
    <message>
      <source>{day} is a meeting-free day: no meeting can be held on it.</source>
      <translation>Ngày {day} là ngày dành cho cơ sở: không tổ chức cuộc họp nào.</translation>
    </message>
    <message>
      <source>{day} is a public holiday or day off: {holiday}.</source>
      <translation>Ngày {day} là ngày lễ hoặc ngày nghỉ: {holiday}.</translation>
    </message>
    <message>
      <source>{day} falls on a weekend.</source>
      <translation>Ngày {day} rơi vào cuối tuần.</translation>
    </message>
    <message>
      <source>Give the name of the day off on {day}.</source>
      <translation>Hãy nêu tên ngày nghỉ {day}.</translation>
    </message>
    <message>
      <source>Meeting-free days and meetings</source>
      <translation>Ngày dành cho cơ sở và lịch họp</translation>
    </message>
    <message>
      <source>Meeting-free day</source>
      <translation>Ngày dành cho cơ sở</translation>
    </message>
    <message>
      <source>Category: {category}</source>
      <translation>Loại: {category}</translation>
    </message>
    <message>
      <source>Base visit: {places}</source>
      <translation>Xuống cơ sở: {places}</translation>
    </message>
    <message>
      <source>Moved from {day}.</source>
      <translation>Chuyển từ ngày {day}.</translation>
    </message>
    <message>
      <source>Public holiday: {holiday}.</source>
      <translation>Ngày lễ: {holiday}.</translation>
    </message>
    <message>
      <source>Organizer: {organizer}</source>
      <translation>Đơn vị tổ chức: {organizer}</translation>
    </message>
    <message>
      <source>Attendees: {names}</source>
      <translation>Thành phần dự: {names}</translation>
    </message>
    <message>
      <source>Reason: {reason}</source>
      <translation>Lý do: {reason}</translation>
    </message>
    <message>
      <source>No meeting has the id '{id}'.</source>
      <translation>Không có cuộc họp nào có mã định danh '{id}'.</translation>
    </message>
    <message>
      <source>{day} is not a meeting-free day.</source>
      <translation>Ngày {day} không phải là ngày dành cho cơ sở.</translation>
    </message>
    <message>
      <source>{name} is not in charge of {target} on {day}.</source>
      <translation>{name} không phụ trách {target} vào ngày {day}.</translation>
    </message>
    <message>
      <source>{name} is already planned at {target} on {day}.</source>
      <translation>{name} đã có lịch xuống {target} vào ngày {day}.</translation>
    </message>
    <message>
      <source>No planned visit has the id '{id}'.</source>
      <translation>Không có lịch xuống cơ sở nào có mã định danh '{id}'.</translation>
    </message>
    <message>
      <source>Meeting-free days, planned base visits and meetings</source>
      <translation>Ngày dành cho cơ sở, lịch xuống cơ sở và lịch họp</translation>
    </message>
    <message>
      <source>Export to calendar (.ics)</source>
      <translation>Xuất ra lịch (.ics)</translation>
    </message>
    <message>
      <source>iCalendar file (*.ics)</source>
      <translation>Tệp iCalendar (*.ics)</translation>
    </message>
    <message>
      <source>Print the month plan</source>
      <translation>In kế hoạch tháng</translation>
    </message>
    <message>
      <source>PDF document (*.pdf)</source>
      <translation>Tài liệu PDF (*.pdf)</translation>
    </message>
    <message>
      <source>Everyone: the meeting-free days and all meetings</source>
      <translation>Tất cả: các ngày dành cho cơ sở và mọi cuộc họp</translation>
    </message>
    <message>
      <source>One cadre: their meetings and planned base visits</source>
      <translation>Một cán bộ: các cuộc họp và lịch xuống cơ sở của cán bộ đó</translation>
    </message>
    <message>
      <source>No cadre chosen.</source>
      <translation>Chưa chọn cán bộ.</translation>
    </message>
    <message>
      <source>Choose a cadre…</source>
      <translation>Chọn cán bộ…</translation>
    </message>
    <message>
      <source>To</source>
      <translation>Đến ngày</translation>
    </message>
    <message>
      <source>Time</source>
      <translation>Giờ</translation>
    </message>
    <message>
      <source>Title</source>
      <translation>Nội dung</translation>
    </message>
    <message>
      <source>Category</source>
      <translation>Loại</translation>
    </message>
    <message>
      <source>Place</source>
      <translation>Địa điểm</translation>
    </message>
    <message>
      <source>Attendees</source>
      <translation>Thành phần dự</translation>
    </message>
    <message>
      <source>MONTH PLAN {month}/{year}</source>
      <translation>KẾ HOẠCH THÁNG {month}/{year}</translation>
    </message>
    <message>
      <source>Choose the cadre first.</source>
      <translation>Hãy chọn cán bộ trước.</translation>
    </message>
    <message>
      <source>{count} events written to {path}.</source>
      <translation>Đã ghi {count} sự kiện vào {path}.</translation>
    </message>
    <message>
      <source>Day</source>
      <translation>Ngày</translation>
    </message>
    <message>
      <source>Planned base visits</source>
      <translation>Lịch xuống cơ sở</translation>
    </message>
    <message>
      <source>Base visits on {day}</source>
      <translation>Xuống cơ sở ngày {day}</translation>
    </message>
    <message>
      <source>I. Meeting-free days</source>
      <translation>I. Các ngày dành cho cơ sở</translation>
    </message>
    <message>
      <source>II. Meetings</source>
      <translation>II. Lịch họp</translation>
    </message>
    <message>
      <source>The month plan was saved to {path}.</source>
      <translation>Đã lưu kế hoạch tháng vào {path}.</translation>
    </message>
    <message>
      <source>No meeting-free day this month.</source>
      <translation>Tháng này không có ngày dành cho cơ sở.</translation>
    </message>
    <message>
      <source>No.</source>
      <translation>STT</translation>
    </message>
    <message>
      <source>No meeting this month.</source>
      <translation>Tháng này không có cuộc họp nào.</translation>
    </message>
    <message>
      <source>No visit planned.</source>
      <translation>Chưa có lịch xuống cơ sở.</translation>
    </message>
    <message>
      <source>Mon</source>
      <translation>T2</translation>
    </message>
    <message>
      <source>Tue</source>
      <translation>T3</translation>
    </message>
    <message>
      <source>Wed</source>
      <translation>T4</translation>
    </message>
    <message>
      <source>Thu</source>
      <translation>T5</translation>
    </message>
    <message>
      <source>Fri</source>
      <translation>T6</translation>
    </message>
    <message>
      <source>Sat</source>
      <translation>T7</translation>
    </message>
    <message>
      <source>Sun</source>
      <translation>CN</translation>
    </message>
    <message>
      <source>Monday</source>
      <translation>Thứ Hai</translation>
    </message>
    <message>
      <source>Tuesday</source>
      <translation>Thứ Ba</translation>
    </message>
    <message>
      <source>Wednesday</source>
      <translation>Thứ Tư</translation>
    </message>
    <message>
      <source>Thursday</source>
      <translation>Thứ Năm</translation>
    </message>
    <message>
      <source>Friday</source>
      <translation>Thứ Sáu</translation>
    </message>
    <message>
      <source>Saturday</source>
      <translation>Thứ Bảy</translation>
    </message>
    <message>
      <source>Sunday</source>
      <translation>Chủ nhật</translation>
    </message>
    <message>
      <source>Ordinary working day.</source>
      <translation>Ngày làm việc bình thường.</translation>
    </message>
    <message>
      <source>{weekday}, {day}</source>
      <translation>{weekday}, ngày {day}</translation>
    </message>
    <message>
      <source>Working day</source>
      <translation>Ngày làm việc</translation>
    </message>
    <message>
      <source>Add meeting…</source>
      <translation>Thêm cuộc họp…</translation>
    </message>
    <message>
      <source>Edit meeting…</source>
      <translation>Sửa cuộc họp…</translation>
    </message>
    <message>
      <source>Delete meeting</source>
      <translation>Xóa cuộc họp</translation>
    </message>
    <message>
      <source>Meetings</source>
      <translation>Cuộc họp</translation>
    </message>
    <message>
      <source>Organizer</source>
      <translation>Đơn vị tổ chức</translation>
    </message>
    <message>
      <source>Previous month (Page Up)</source>
      <translation>Tháng trước (Page Up)</translation>
    </message>
    <message>
      <source>Next month (Page Down)</source>
      <translation>Tháng sau (Page Down)</translation>
    </message>
    <message>
      <source>Today</source>
      <translation>Hôm nay</translation>
    </message>
    <message>
      <source>Export to calendar (.ics)…</source>
      <translation>Xuất ra lịch (.ics)…</translation>
    </message>
    <message>
      <source>Print the month plan…</source>
      <translation>In kế hoạch tháng…</translation>
    </message>
    <message>
      <source>Base day</source>
      <translation>Ngày cơ sở</translation>
    </message>
    <message>
      <source>No meetings on this day.</source>
      <translation>Ngày này không có cuộc họp.</translation>
    </message>
    <message>
      <source>No conflicts.</source>
      <translation>Không có trùng lịch.</translation>
    </message>
    <message>
      <source>Delete the meeting '{title}' ({when})?</source>
      <translation>Xóa cuộc họp '{title}' ({when})?</translation>
    </message>
    <message>
      <source>Conflicts: {count}</source>
      <translation>Trùng lịch: {count}</translation>
    </message>
    <message>
      <source>Planned base visits ({count})</source>
      <translation>Lịch xuống cơ sở ({count})</translation>
    </message>
    <message>
      <source>Meeting-free day: the day for the base</source>
      <translation>Ngày hạn chế họp – dành cho cơ sở</translation>
    </message>
    <message>
      <source>Weekend.</source>
      <translation>Cuối tuần.</translation>
    </message>
    <message>
      <source>Month {month}/{year}</source>
      <translation>Tháng {month}/{year}</translation>
    </message>
    <message>
      <source>Conflicts this month ({count})</source>
      <translation>Trùng lịch trong tháng ({count})</translation>
    </message>
    <message>
      <source>Visits: {count}</source>
      <translation>Xuống cơ sở: {count}</translation>
    </message>
    <message>
      <source>Delete the meeting {title}</source>
      <translation>Xóa cuộc họp {title}</translation>
    </message>
    <message>
      <source>moved from {day}</source>
      <translation>chuyển từ ngày {day}</translation>
    </message>
    <message>
      <source>+{count} more</source>
      <translation>+{count} nữa</translation>
    </message>
    <message>
      <source>Working day: {name}.</source>
      <translation>Ngày làm việc: {name}.</translation>
    </message>
    <message>
      <source>Units and cadres</source>
      <translation>Đơn vị và cán bộ</translation>
    </message>
    <message>
      <source>Calendar</source>
      <translation>Lịch</translation>
    </message>
    <message>
      <source>Base-day plan</source>
      <translation>Kế hoạch xuống cơ sở</translation>
    </message>
    <message>
      <source>{day} is a meeting-free day: only a {allowed} can be held on it, with a reason.</source>
      <translation>Ngày {day} là ngày dành cho cơ sở: chỉ {allowed} mới được tổ chức, và phải nêu lý do.</translation>
    </message>
    <message>
      <source> minutes</source>
      <translation> phút</translation>
    </message>
    <message>
      <source>No attendee chosen.</source>
      <translation>Chưa chọn người dự.</translation>
    </message>
    <message>
      <source>Edit the meeting</source>
      <translation>Sửa cuộc họp</translation>
    </message>
    <message>
      <source>Add a meeting</source>
      <translation>Thêm cuộc họp</translation>
    </message>
    <message>
      <source>Date</source>
      <translation>Ngày</translation>
    </message>
    <message>
      <source>Starts at</source>
      <translation>Bắt đầu lúc</translation>
    </message>
    <message>
      <source>Duration</source>
      <translation>Thời lượng</translation>
    </message>
    <message>
      <source>Reason (required)</source>
      <translation>Lý do (bắt buộc)</translation>
    </message>
    <message>
      <source>Chosen: {names}</source>
      <translation>Đã chọn: {names}</translation>
    </message>
    <message>
      <source>Add the meeting {title}</source>
      <translation>Thêm cuộc họp {title}</translation>
    </message>
    <message>
      <source>Edit the meeting {title}</source>
      <translation>Sửa cuộc họp {title}</translation>
    </message>
    <message>
      <source>State</source>
      <translation>Trạng thái</translation>
    </message>
    <message>
      <source>Visits</source>
      <translation>Số lần xuống</translation>
    </message>
    <message>
      <source>Reachable</source>
      <translation>Có người phụ trách</translation>
    </message>
    <message>
      <source>Saved plan</source>
      <translation>Kế hoạch đã lưu</translation>
    </message>
    <message>
      <source>Proposal, not saved yet</source>
      <translation>Đề xuất, chưa lưu</translation>
    </message>
    <message>
      <source>Propose</source>
      <translation>Đề xuất</translation>
    </message>
    <message>
      <source>Save the proposal</source>
      <translation>Lưu đề xuất</translation>
    </message>
    <message>
      <source>Remove the visit</source>
      <translation>Bỏ lịch xuống cơ sở</translation>
    </message>
    <message>
      <source>Proposing the base-day plan…</source>
      <translation>Đang lập đề xuất kế hoạch xuống cơ sở…</translation>
    </message>
    <message>
      <source>Reading…</source>
      <translation>Đang đọc…</translation>
    </message>
    <message>
      <source>{state}: {visits} visits on {days} meeting-free days; {short} of {targets} targets short of {per_target} visit(s) this quarter.</source>
      <translation>{state}: {visits} lượt xuống cơ sở trong {days} ngày dành cho cơ sở; {short}/{targets} địa bàn chưa đủ {per_target} lượt trong quý.</translation>
    </message>
    <message>
      <source>saved</source>
      <translation>đã lưu</translation>
    </message>
    <message>
      <source>proposed</source>
      <translation>đề xuất</translation>
    </message>
    <message>
      <source>Year</source>
      <translation>Năm</translation>
    </message>
    <message>
      <source>Quarter</source>
      <translation>Quý</translation>
    </message>
    <message>
      <source>yes</source>
      <translation>có</translation>
    </message>
    <message>
      <source>no: nobody is in charge on a meeting-free day</source>
      <translation>không: không ai phụ trách vào ngày dành cho cơ sở</translation>
    </message>
    <message>
      <source>Save the base-day plan of quarter {quarter}/{year}</source>
      <translation>Lưu kế hoạch xuống cơ sở quý {quarter}/{year}</translation>
    </message>
    <message>
      <source>Remove the visit of {name} on {day}</source>
      <translation>Bỏ lịch xuống cơ sở của {name} ngày {day}</translation>
    </message>
    <message>
      <source>Targets short of their visits this quarter ({count})</source>
      <translation>Địa bàn chưa đủ lượt xuống trong quý ({count})</translation>
    </message>
    <message>
      <source>Quarter {number}</source>
      <translation>Quý {number}</translation>
    </message>
    <message>
      <source>attended the party committee's monthly meeting</source>
      <translation>dự họp định kỳ hằng tháng của cấp ủy</translation>
    </message>
    <message>
      <source>attended the party cell's monthly meeting</source>
      <translation>dự sinh hoạt chi bộ định kỳ hằng tháng</translation>
    </message>
    <message>
      <source>attended the self-governing group's meeting</source>
      <translation>dự họp tổ nhân dân tự quản</translation>
    </message>
    <message>
      <source>visited households</source>
      <translation>thăm hộ gia đình</translation>
    </message>
    <message>
      <source>worked with the commune</source>
      <translation>làm việc với xã</translation>
    </message>
    <message>
      <source>other activity</source>
      <translation>hoạt động khác</translation>
    </message>
    <message>
      <source>The duration must be between 1 and {most} minutes (0 when not known).</source>
      <translation>Thời lượng phải từ 1 đến {most} phút (để 0 nếu không rõ).</translation>
    </message>
    <message>
      <source>{day} is in the future.</source>
      <translation>Ngày {day} chưa đến.</translation>
    </message>
    <message>
      <source>{name} left on {left}: nothing can be recorded for them on {day}.</source>
      <translation>Đồng chí {name} đã nghỉ công tác từ ngày {left}: không thể ghi nhận gì cho đồng chí vào ngày {day}.</translation>
    </message>
    <message>
      <source>'{kind}' is not a kind of activity.</source>
      <translation>'{kind}' không phải là một loại hoạt động.</translation>
    </message>
    <message>
      <source>The meetings a year must be between 0 and {most}.</source>
      <translation>Số buổi dự họp mỗi năm phải từ 0 đến {most}.</translation>
    </message>
    <message>
      <source>Two attendance targets are set for the same tier ({tier}) and flag ({flag}).</source>
      <translation>Có hai chỉ tiêu dự họp cho cùng một cấp ({tier}) và cùng tư cách ({flag}).</translation>
    </message>
    <message>
      <source>Completed tasks excellently</source>
      <translation>Hoàn thành xuất sắc nhiệm vụ</translation>
    </message>
    <message>
      <source>Completed tasks well</source>
      <translation>Hoàn thành tốt nhiệm vụ</translation>
    </message>
    <message>
      <source>Completed tasks</source>
      <translation>Hoàn thành nhiệm vụ</translation>
    </message>
    <message>
      <source>Did not complete tasks</source>
      <translation>Không hoàn thành nhiệm vụ</translation>
    </message>
    <message>
      <source>The score must be between 0 and 100, not {score}.</source>
      <translation>Số điểm phải từ 0 đến 100, không phải {score}.</translation>
    </message>
    <message>
      <source>Only communes and hamlets are rated, not a {level}.</source>
      <translation>Chỉ đánh giá, xếp loại xã và ấp; không xếp loại {level}.</translation>
    </message>
    <message>
      <source>A score of {score} means '{expected}', not '{grade}'.</source>
      <translation>Số điểm {score} ứng với mức '{expected}', không phải '{grade}'.</translation>
    </message>
    <message>
      <source>land</source>
      <translation>đất đai</translation>
    </message>
    <message>
      <source>social policy</source>
      <translation>chính sách xã hội</translation>
    </message>
    <message>
      <source>infrastructure</source>
      <translation>kết cấu hạ tầng</translation>
    </message>
    <message>
      <source>security and order</source>
      <translation>an ninh, trật tự</translation>
    </message>
    <message>
      <source>administrative procedure</source>
      <translation>thủ tục hành chính</translation>
    </message>
    <message>
      <source>other matter</source>
      <translation>lĩnh vực khác</translation>
    </message>
    <message>
      <source>open</source>
      <translation>chưa giải quyết</translation>
    </message>
    <message>
      <source>resolved at the base</source>
      <translation>đã giải quyết tại cơ sở</translation>
    </message>
    <message>
      <source>forwarded</source>
      <translation>đã chuyển cơ quan chức năng</translation>
    </message>
    <message>
      <source>answered</source>
      <translation>đã có trả lời</translation>
    </message>
    <message>
      <source>closed</source>
      <translation>đã kết thúc</translation>
    </message>
    <message>
      <source>A recommendation needs its content.</source>
      <translation>Kiến nghị cần có nội dung.</translation>
    </message>
    <message>
      <source>The due date {due} comes before the day it was raised, {raised}.</source>
      <translation>Hạn giải quyết {due} sớm hơn ngày tiếp nhận kiến nghị ({raised}).</translation>
    </message>
    <message>
      <source>A recommendation that is {old} cannot become {new}.</source>
      <translation>Kiến nghị đang ở trạng thái '{old}' không thể chuyển sang '{new}'.</translation>
    </message>
    <message>
      <source>This step on {day} cannot come before the previous one, on {previous}.</source>
      <translation>Bước xử lý ngày {day} không thể sớm hơn bước trước đó (ngày {previous}).</translation>
    </message>
    <message>
      <source>'{field}' is not a field of recommendations.</source>
      <translation>'{field}' không phải là một lĩnh vực kiến nghị.</translation>
    </message>
    <message>
      <source>Name the body the recommendation is forwarded to.</source>
      <translation>Hãy ghi tên cơ quan nhận kiến nghị được chuyển đến.</translation>
    </message>
    <message>
      <source>Give the answer received.</source>
      <translation>Hãy ghi nội dung trả lời đã nhận được.</translation>
    </message>
    <message>
      <source>No activity has the id '{id}'.</source>
      <translation>Không có hoạt động nào có mã định danh '{id}'.</translation>
    </message>
    <message>
      <source>'{name}' did not exist between {start} and {end}.</source>
      <translation>'{name}' không tồn tại trong khoảng từ {start} đến {end}.</translation>
    </message>
    <message>
      <source>The period from {start} to {end} has not begun yet.</source>
      <translation>Kỳ từ {start} đến {end} chưa bắt đầu.</translation>
    </message>
    <message>
      <source>'{name}' has no rating for the period from {start} to {end}.</source>
      <translation>'{name}' chưa có kết quả xếp loại cho kỳ từ {start} đến {end}.</translation>
    </message>
    <message>
      <source>Give a grade, a score, or both.</source>
      <translation>Hãy nhập mức xếp loại, số điểm, hoặc cả hai.</translation>
    </message>
    <message>
      <source>No recommendation has the id '{id}'.</source>
      <translation>Không có kiến nghị nào có mã định danh '{id}'.</translation>
    </message>
    <message>
      <source>forwarded to {body} on {day}</source>
      <translation>đã chuyển {body} ngày {day}</translation>
    </message>
    <message>
      <source>record an activity</source>
      <translation>ghi một hoạt động</translation>
    </message>
    <message>
      <source>list the activities, newest first</source>
      <translation>liệt kê các hoạt động, mới nhất trước</translation>
    </message>
    <message>
      <source>party meetings each cadre attended against the target</source>
      <translation>số buổi sinh hoạt đảng mỗi cán bộ đã dự so với chỉ tiêu</translation>
    </message>
    <message>
      <source>record a recommendation</source>
      <translation>ghi một kiến nghị</translation>
    </message>
    <message>
      <source>list the recommendations, newest first</source>
      <translation>liệt kê các kiến nghị, mới nhất trước</translation>
    </message>
    <message>
      <source>show a recommendation's steps</source>
      <translation>xem các bước xử lý của một kiến nghị</translation>
    </message>
    <message>
      <source>rate a commune or hamlet for a year or quarter</source>
      <translation>xếp loại một xã hoặc ấp cho một năm hoặc một quý</translation>
    </message>
    <message>
      <source>count and share of each grade per level</source>
      <translation>số lượng và tỷ lệ từng mức xếp loại theo cấp</translation>
    </message>
    <message>
      <source>quarter {quarter}/{year}</source>
      <translation>quý {quarter}/{year}</translation>
    </message>
    <message>
      <source>(planned visit)</source>
      <translation>(theo kế hoạch)</translation>
    </message>
    <message>
      <source>met</source>
      <translation>đạt</translation>
    </message>
    <message>
      <source>OVERDUE</source>
      <translation>QUÁ HẠN</translation>
    </message>
    <message>
      <source>Recorded the recommendation:</source>
      <translation>Đã ghi kiến nghị:</translation>
    </message>
    <message>
      <source>History:</source>
      <translation>Quá trình xử lý:</translation>
    </message>
    <message>
      <source>{path}, {period}: {grade}.</source>
      <translation>{path}, {period}: {grade}.</translation>
    </message>
    <message>
      <source>mark a recommendation resolved at the base</source>
      <translation>ghi nhận kiến nghị đã được giải quyết tại cơ sở</translation>
    </message>
    <message>
      <source>forward a recommendation to the body that can settle it</source>
      <translation>chuyển kiến nghị đến cơ quan có thẩm quyền giải quyết</translation>
    </message>
    <message>
      <source>record the answer a forwarded recommendation received</source>
      <translation>ghi nội dung trả lời kiến nghị đã chuyển</translation>
    </message>
    <message>
      <source>close a resolved or answered recommendation</source>
      <translation>kết thúc kiến nghị đã giải quyết hoặc đã có trả lời</translation>
    </message>
    <message>
      <source>'{text}' is not a number.</source>
      <translation>'{text}' không phải là số.</translation>
    </message>
    <message>
      <source>the year {year}</source>
      <translation>năm {year}</translation>
    </message>
    <message>
      <source>No activities.</source>
      <translation>Không có hoạt động nào.</translation>
    </message>
    <message>
      <source>Party meetings attended in {period}, against the target:</source>
      <translation>Số buổi dự sinh hoạt đảng trong {period}, so với chỉ tiêu:</translation>
    </message>
    <message>
      <source>No cadre has an attendance target.</source>
      <translation>Không có cán bộ nào có chỉ tiêu dự sinh hoạt.</translation>
    </message>
    <message>
      <source>No recommendations.</source>
      <translation>Không có kiến nghị nào.</translation>
    </message>
    <message>
      <source>Quality ratings for {period}:</source>
      <translation>Kết quả đánh giá, xếp loại chất lượng {period}:</translation>
    </message>
    <message>
      <source>first day (YYYY-MM-DD)</source>
      <translation>ngày đầu (YYYY-MM-DD)</translation>
    </message>
    <message>
      <source>last day, included (YYYY-MM-DD)</source>
      <translation>ngày cuối, tính cả ngày này (YYYY-MM-DD)</translation>
    </message>
    <message>
      <source>only at this unit and below it (id, code or path)</source>
      <translation>chỉ ở đơn vị này và các đơn vị trực thuộc (mã định danh, mã đơn vị hoặc đường dẫn)</translation>
    </message>
    <message>
      <source>only in this cluster and its communes (id or name)</source>
      <translation>chỉ trong cụm này và các xã của cụm (mã định danh hoặc tên)</translation>
    </message>
    <message>
      <source>quarter 1-4 (default: the whole year)</source>
      <translation>quý 1-4 (mặc định: cả năm)</translation>
    </message>
    <message>
      <source>the day (YYYY-MM-DD)</source>
      <translation>ngày (YYYY-MM-DD)</translation>
    </message>
    <message>
      <source>how long it took, in minutes</source>
      <translation>thời gian, tính bằng phút</translation>
    </message>
    <message>
      <source>at most this many, the newest</source>
      <translation>tối đa bấy nhiêu mục, mới nhất trước</translation>
    </message>
    <message>
      <source>unit (id, code or path)</source>
      <translation>đơn vị (mã định danh, mã đơn vị hoặc đường dẫn)</translation>
    </message>
    <message>
      <source>the day it was raised (YYYY-MM-DD)</source>
      <translation>ngày nêu kiến nghị (YYYY-MM-DD)</translation>
    </message>
    <message>
      <source>the day it should be settled by (YYYY-MM-DD)</source>
      <translation>hạn giải quyết (YYYY-MM-DD)</translation>
    </message>
    <message>
      <source>only those still waiting after their due date</source>
      <translation>chỉ các kiến nghị đã quá hạn mà chưa giải quyết xong</translation>
    </message>
    <message>
      <source>the day overdue is judged on (default: today)</source>
      <translation>ngày dùng để xét quá hạn (mặc định: hôm nay)</translation>
    </message>
    <message>
      <source>the body it is forwarded to</source>
      <translation>cơ quan nhận kiến nghị</translation>
    </message>
    <message>
      <source>the answer received</source>
      <translation>nội dung trả lời nhận được</translation>
    </message>
    <message>
      <source>recommendation id</source>
      <translation>mã định danh của kiến nghị</translation>
    </message>
    <message>
      <source>points out of 100 (the grade follows from it when not given)</source>
      <translation>số điểm trên thang 100 (nếu không nhập mức xếp loại thì suy ra từ số điểm)</translation>
    </message>
    <message>
      <source>only this unit and below it (id, code or path)</source>
      <translation>chỉ đơn vị này và các đơn vị trực thuộc (mã định danh, mã đơn vị hoặc đường dẫn)</translation>
    </message>
    <message>
      <source>{minutes} min</source>
      <translation>{minutes} phút</translation>
    </message>
    <message>
      <source>Recorded: {activity}</source>
      <translation>Đã ghi: {activity}</translation>
    </message>
    <message>
      <source>{missing} short</source>
      <translation>còn thiếu {missing}</translation>
    </message>
    <message>
      <source>due {day}</source>
      <translation>hạn {day}</translation>
    </message>
    <message>
      <source>The recommendation is now {status}.</source>
      <translation>Kiến nghị chuyển sang trạng thái: {status}.</translation>
    </message>
    <message>
      <source>({score} points)</source>
      <translation>({score} điểm)</translation>
    </message>
    <message>
      <source>Completed tasks well or better</source>
      <translation>Hoàn thành tốt nhiệm vụ trở lên</translation>
    </message>
    <message>
      <source>No ratings for {period}.</source>
      <translation>Chưa có kết quả xếp loại {period}.</translation>
    </message>
    <message>
      <source>the day of this step (YYYY-MM-DD)</source>
      <translation>ngày của bước xử lý này (YYYY-MM-DD)</translation>
    </message>
    <message>
      <source>the field log: what cadres did at the base</source>
      <translation>sổ theo dõi: các hoạt động của cán bộ ở cơ sở</translation>
    </message>
    <message>
      <source>residents' recommendations</source>
      <translation>kiến nghị của nhân dân</translation>
    </message>
    <message>
      <source>quality ratings of communes and hamlets</source>
      <translation>đánh giá, xếp loại chất lượng xã và ấp</translation>
    </message>
    <message>
      <source>answered on {day}: {answer}</source>
      <translation>trả lời ngày {day}: {answer}</translation>
    </message>
    <message>
      <source>Choose a unit</source>
      <translation>Chọn đơn vị</translation>
    </message>
    <message>
      <source>No target on that day: choose another unit</source>
      <translation>Ngày đó cán bộ không phụ trách địa bàn nào: hãy chọn đơn vị khác</translation>
    </message>
    <message>
      <source>Other &amp;unit…</source>
      <translation>Đơn vị &amp;khác…</translation>
    </message>
    <message>
      <source>Find a unit that is not among the cadre's targets</source>
      <translation>Tìm một đơn vị ngoài các địa bàn cán bộ phụ trách</translation>
    </message>
    <message>
      <source>not given</source>
      <translation>không ghi</translation>
    </message>
    <message>
      <source>Short notes: the cell, the content, what residents raised</source>
      <translation>Ghi chú ngắn: chi bộ, nội dung, ý kiến của nhân dân</translation>
    </message>
    <message>
      <source>Duration (&amp;minutes)</source>
      <translation>Thời lượng (&amp;phút)</translation>
    </message>
    <message>
      <source>&amp;Cadre</source>
      <translation>&amp;Cán bộ</translation>
    </message>
    <message>
      <source>Tar&amp;get</source>
      <translation>Địa &amp;bàn</translation>
    </message>
    <message>
      <source>&amp;Kind</source>
      <translation>&amp;Loại hoạt động</translation>
    </message>
    <message>
      <source>&amp;Date</source>
      <translation>Ngà&amp;y</translation>
    </message>
    <message>
      <source>&amp;Notes</source>
      <translation>&amp;Ghi chú</translation>
    </message>
    <message>
      <source>Choose the cadre from the list (type part of the name).</source>
      <translation>Hãy chọn cán bộ trong danh sách (gõ một phần họ tên).</translation>
    </message>
    <message>
      <source>Choose where the activity took place.</source>
      <translation>Hãy chọn nơi diễn ra hoạt động.</translation>
    </message>
    <message>
      <source>Activity</source>
      <translation>Hoạt động</translation>
    </message>
    <message>
      <source>Minutes</source>
      <translation>Số phút</translation>
    </message>
    <message>
      <source>Planned</source>
      <translation>Theo kế hoạch</translation>
    </message>
    <message>
      <source>Notes</source>
      <translation>Ghi chú</translation>
    </message>
    <message>
      <source>the activity of {name} on {day}</source>
      <translation>hoạt động của {name} ngày {day}</translation>
    </message>
    <message>
      <source>Edit the activity</source>
      <translation>Sửa hoạt động</translation>
    </message>
    <message>
      <source>All kinds</source>
      <translation>Mọi loại hoạt động</translation>
    </message>
    <message>
      <source>Edit the selected activity (F2)</source>
      <translation>Sửa hoạt động đang chọn (F2)</translation>
    </message>
    <message>
      <source>Delete</source>
      <translation>Xóa</translation>
    </message>
    <message>
      <source>Delete the selected activities (Del)</source>
      <translation>Xóa các hoạt động đang chọn (Del)</translation>
    </message>
    <message>
      <source>All clusters</source>
      <translation>Mọi cụm</translation>
    </message>
    <message>
      <source>Edit {activity}</source>
      <translation>Sửa {activity}</translation>
    </message>
    <message>
      <source>Period</source>
      <translation>Thời gian</translation>
    </message>
    <message>
      <source>Cluster</source>
      <translation>Cụm</translation>
    </message>
    <message>
      <source>Under the unit</source>
      <translation>Thuộc đơn vị</translation>
    </message>
    <message>
      <source>Delete activities</source>
      <translation>Xóa hoạt động</translation>
    </message>
    <message>
      <source>Fulfils a visit of the base-day plan</source>
      <translation>Thực hiện một lượt xuống cơ sở trong kế hoạch ngày dành cho cơ sở</translation>
    </message>
    <message>
      <source>Delete {activity}</source>
      <translation>Xóa {activity}</translation>
    </message>
    <message>
      <source>Delete {activity} at {target}?</source>
      <translation>Xóa {activity} tại {target}?</translation>
    </message>
    <message>
      <source>Delete {count} activities</source>
      <translation>Xóa {count} hoạt động</translation>
    </message>
    <message>
      <source>Delete the {count} selected activities?</source>
      <translation>Xóa {count} hoạt động đang chọn?</translation>
    </message>
    <message>
      <source>The newest {count} activities; narrow the filters to see the others.</source>
      <translation>{count} hoạt động mới nhất; thu hẹp bộ lọc để xem các hoạt động khác.</translation>
    </message>
    <message>
      <source>{count} activities</source>
      <translation>{count} hoạt động</translation>
    </message>
    <message>
      <source>Meetings attended</source>
      <translation>Số buổi đã dự</translation>
    </message>
    <message>
      <source>Meetings due</source>
      <translation>Chỉ tiêu</translation>
    </message>
    <message>
      <source>Progress</source>
      <translation>Kết quả</translation>
    </message>
    <message>
      <source>{count} short</source>
      <translation>còn thiếu {count}</translation>
    </message>
    <message>
      <source>{met} of {total} cadres have attended the meetings due.</source>
      <translation>{met}/{total} cán bộ đã dự đủ số buổi theo chỉ tiêu.</translation>
    </message>
    <message>
      <source>Raised</source>
      <translation>Ngày nêu</translation>
    </message>
    <message>
      <source>Unit</source>
      <translation>Đơn vị</translation>
    </message>
    <message>
      <source>Field</source>
      <translation>Lĩnh vực</translation>
    </message>
    <message>
      <source>Due</source>
      <translation>Hạn giải quyết</translation>
    </message>
    <message>
      <source>Content</source>
      <translation>Nội dung</translation>
    </message>
    <message>
      <source>Field log</source>
      <translation>Nhật ký cơ sở</translation>
    </message>
    <message>
      <source>Recent activities (reading…)</source>
      <translation>Hoạt động gần đây (đang đọc…)</translation>
    </message>
    <message>
      <source>Recommendations (reading…)</source>
      <translation>Kiến nghị (đang đọc…)</translation>
    </message>
    <message>
      <source>Latest {count} activities</source>
      <translation>{count} hoạt động gần nhất</translation>
    </message>
    <message>
      <source>Activities ({count})</source>
      <translation>Hoạt động ({count})</translation>
    </message>
    <message>
      <source>{status}, overdue</source>
      <translation>{status}, quá hạn</translation>
    </message>
    <message>
      <source>Recommendations ({count}, {overdue} overdue)</source>
      <translation>Kiến nghị ({count}, {overdue} quá hạn)</translation>
    </message>
    <message>
      <source>&amp;Record</source>
      <translation>Ghi &amp;vào sổ</translation>
    </message>
    <message>
      <source>Record the activity (Enter, or Ctrl+Enter)</source>
      <translation>Ghi hoạt động vào sổ (Enter hoặc Ctrl+Enter)</translation>
    </message>
    <message>
      <source>Recorded: {day}, {name}, {kind} at {target}.</source>
      <translation>Đã ghi: {day}, {name}, {kind} tại {target}.</translation>
    </message>
    <message>
      <source>New activity</source>
      <translation>Ghi hoạt động mới</translation>
    </message>
    <message>
      <source>Activities</source>
      <translation>Hoạt động</translation>
    </message>
    <message>
      <source>Meetings attended against the targets</source>
      <translation>Dự sinh hoạt so với chỉ tiêu</translation>
    </message>
    <message>
      <source>Record the activity of {name} on {day}</source>
      <translation>Ghi hoạt động của {name} ngày {day}</translation>
    </message>
    <message>
      <source>Recommendations</source>
      <translation>Kiến nghị</translation>
    </message>
    <message>
      <source>Ratings</source>
      <translation>Xếp loại</translation>
    </message>
    <message>
      <source>Whole year</source>
      <translation>Cả năm</translation>
    </message>
    <message>
      <source>Between dates</source>
      <translation>Từ ngày đến ngày</translation>
    </message>
    <message>
      <source>What is rated</source>
      <translation>Đối tượng xếp loại</translation>
    </message>
    <message>
      <source>Grade</source>
      <translation>Mức xếp loại</translation>
    </message>
    <message>
      <source>Score (0–100)</source>
      <translation>Điểm (0–100)</translation>
    </message>
    <message>
      <source>the commune's party committee</source>
      <translation>Đảng ủy xã</translation>
    </message>
    <message>
      <source>the hamlet's cadres, party cell, staff</source>
      <translation>Chi bộ, cán bộ ấp/thôn</translation>
    </message>
    <message>
      <source>Type the score as a number from 0 to 100, such as 85,5.</source>
      <translation>Nhập điểm là một số từ 0 đến 100, ví dụ 85,5.</translation>
    </message>
    <message>
      <source>Communes</source>
      <translation>Xã</translation>
    </message>
    <message>
      <source>Hamlets</source>
      <translation>Ấp, thôn</translation>
    </message>
    <message>
      <source>Up one level</source>
      <translation>Lên một cấp</translation>
    </message>
    <message>
      <source>Type a grade's number (1–4) or a score, then Enter; Delete removes the rating; Enter on a name opens its units.</source>
      <translation>Gõ số thứ tự mức xếp loại (1–4) hoặc điểm rồi nhấn Enter; phím Delete xóa kết quả xếp loại; Enter trên tên đơn vị để mở các đơn vị trực thuộc.</translation>
    </message>
    <message>
      <source>Remove the rating</source>
      <translation>Xóa kết quả xếp loại</translation>
    </message>
    <message>
      <source>No rating yet for this period.</source>
      <translation>Chưa có kết quả xếp loại trong kỳ này.</translation>
    </message>
    <message>
      <source>Shares of each grade (in the unit and below)</source>
      <translation>Tỷ lệ từng mức xếp loại (đơn vị và các đơn vị trực thuộc)</translation>
    </message>
    <message>
      <source>Rate {unit}</source>
      <translation>Xếp loại {unit}</translation>
    </message>
    <message>
      <source>Remove the rating of {unit}</source>
      <translation>Xóa kết quả xếp loại của {unit}</translation>
    </message>
    <message>
      <source>{level}: {total} rated</source>
      <translation>{level}: {total} đơn vị được xếp loại</translation>
    </message>
    <message>
      <source>Raised on</source>
      <translation>Ngày nêu</translation>
    </message>
    <message>
      <source>Through the cadre</source>
      <translation>Cán bộ tiếp nhận</translation>
    </message>
    <message>
      <source>Due date</source>
      <translation>Hạn giải quyết</translation>
    </message>
    <message>
      <source>Forwarded to</source>
      <translation>Chuyển đến</translation>
    </message>
    <message>
      <source>Answer</source>
      <translation>Trả lời</translation>
    </message>
    <message>
      <source>Resolved at the base on</source>
      <translation>Giải quyết tại cơ sở ngày</translation>
    </message>
    <message>
      <source>Closed on</source>
      <translation>Kết thúc ngày</translation>
    </message>
    <message>
      <source>Change</source>
      <translation>Thay đổi</translation>
    </message>
    <message>
      <source>raised</source>
      <translation>nêu kiến nghị</translation>
    </message>
    <message>
      <source>History</source>
      <translation>Quá trình xử lý</translation>
    </message>
    <message>
      <source>Choose a recommendation in the list to see its detail and history.</source>
      <translation>Chọn một kiến nghị trong danh sách để xem chi tiết và quá trình xử lý.</translation>
    </message>
    <message>
      <source>{text} ({day})</source>
      <translation>{text} (ngày {day})</translation>
    </message>
    <message>
      <source>Resolve at the base</source>
      <translation>Giải quyết tại cơ sở</translation>
    </message>
    <message>
      <source>Resolve at the base the recommendation of {unit}</source>
      <translation>Giải quyết tại cơ sở kiến nghị của {unit}</translation>
    </message>
    <message>
      <source>Forward the recommendation</source>
      <translation>Chuyển kiến nghị</translation>
    </message>
    <message>
      <source>Forward the recommendation of {unit}</source>
      <translation>Chuyển kiến nghị của {unit}</translation>
    </message>
    <message>
      <source>Forwarded to (body)</source>
      <translation>Chuyển đến (cơ quan)</translation>
    </message>
    <message>
      <source>Record the answer</source>
      <translation>Ghi nhận trả lời</translation>
    </message>
    <message>
      <source>Record the answer to the recommendation of {unit}</source>
      <translation>Ghi nhận trả lời kiến nghị của {unit}</translation>
    </message>
    <message>
      <source>Answer received</source>
      <translation>Nội dung trả lời</translation>
    </message>
    <message>
      <source>Close the recommendation</source>
      <translation>Kết thúc kiến nghị</translation>
    </message>
    <message>
      <source>Close the recommendation of {unit}</source>
      <translation>Kết thúc kiến nghị của {unit}</translation>
    </message>
    <message>
      <source>{unit}, {day}: {content}</source>
      <translation>{unit}, ngày {day}: {content}</translation>
    </message>
    <message>
      <source>Edit the recommendation</source>
      <translation>Sửa kiến nghị</translation>
    </message>
    <message>
      <source>Raise a recommendation</source>
      <translation>Ghi nhận kiến nghị</translation>
    </message>
    <message>
      <source>Due by</source>
      <translation>Hạn đến</translation>
    </message>
    <message>
      <source>Edit the recommendation of {unit}</source>
      <translation>Sửa kiến nghị của {unit}</translation>
    </message>
    <message>
      <source>Choose the unit where it was raised.</source>
      <translation>Hãy chọn đơn vị nơi người dân nêu kiến nghị.</translation>
    </message>
    <message>
      <source>Choose the cadre through whom it was raised.</source>
      <translation>Hãy chọn cán bộ tiếp nhận kiến nghị.</translation>
    </message>
    <message>
      <source>Raise a recommendation at {unit}</source>
      <translation>Ghi nhận kiến nghị tại {unit}</translation>
    </message>
    <message>
      <source>Overdue: still waiting after its due date</source>
      <translation>Quá hạn: đã qua hạn giải quyết mà vẫn chưa có kết quả</translation>
    </message>
    <message>
      <source>All statuses</source>
      <translation>Mọi tình trạng</translation>
    </message>
    <message>
      <source>Overdue only</source>
      <translation>Chỉ kiến nghị quá hạn</translation>
    </message>
    <message>
      <source>Carried over into the quarter</source>
      <translation>Tồn từ trước sang quý</translation>
    </message>
    <message>
      <source>Resolve at the base…</source>
      <translation>Giải quyết tại cơ sở…</translation>
    </message>
    <message>
      <source>Forward…</source>
      <translation>Chuyển đến…</translation>
    </message>
    <message>
      <source>Record the answer…</source>
      <translation>Trả lời…</translation>
    </message>
    <message>
      <source>New…</source>
      <translation>Thêm mới…</translation>
    </message>
    <message>
      <source>{count} recommendations carried over, {overdue} overdue</source>
      <translation>{count} kiến nghị chuyển sang, {overdue} quá hạn</translation>
    </message>
    <message>
      <source>{count} recommendations, {overdue} overdue</source>
      <translation>{count} kiến nghị, {overdue} quá hạn</translation>
    </message>
    <message>
      <source>Delete this recommendation and its history?
{summary}</source>
      <translation>Xóa kiến nghị này cùng quá trình xử lý?
{summary}</translation>
    </message>
    <message>
      <source>Delete the recommendation</source>
      <translation>Xóa kiến nghị</translation>
    </message>
    <message>
      <source>Delete the recommendation of {unit}</source>
      <translation>Xóa kiến nghị của {unit}</translation>
    </message>
    <message>
      <source>activities in the field log</source>
      <translation>hoạt động trong sổ theo dõi</translation>
    </message>
    <message>
      <source>planned base-day visits</source>
      <translation>lượt xuống cơ sở theo kế hoạch</translation>
    </message>
    <message>
      <source>quality ratings</source>
      <translation>kết quả xếp loại chất lượng</translation>
    </message>
    <message>
      <source>Quarter {quarter} of {year} has not begun yet.</source>
      <translation>Quý {quarter} năm {year} chưa bắt đầu.</translation>
    </message>
    <message>
      <source>A report covers a cluster, a district or a province, not a {level}.</source>
      <translation>Báo cáo lập cho một cụm, một huyện hoặc một tỉnh, không lập cho {level}.</translation>
    </message>
    <message>
      <source>the document symbol</source>
      <translation>ký hiệu văn bản</translation>
    </message>
    <message>
      <source>the place</source>
      <translation>địa danh</translation>
    </message>
    <message>
      <source>the issuing body</source>
      <translation>cơ quan ban hành</translation>
    </message>
    <message>
      <source>the subject</source>
      <translation>trích yếu</translation>
    </message>
    <message>
      <source>the signer's name</source>
      <translation>họ tên người ký</translation>
    </message>
    <message>
      <source>A section is longer than {limit} characters.</source>
      <translation>Một mục dài quá {limit} ký tự.</translation>
    </message>
    <message>
      <source>A report has at most {most} recipients.</source>
      <translation>Một báo cáo có nhiều nhất {most} nơi nhận.</translation>
    </message>
    <message>
      <source>Report {number} was issued on {day}; an issued report is read-only.</source>
      <translation>Báo cáo {number} đã ban hành ngày {day}; báo cáo đã ban hành không thể sửa.</translation>
    </message>
    <message>
      <source>Fill in {missing} before issuing the report.</source>
      <translation>Hãy điền {missing} trước khi ban hành báo cáo.</translation>
    </message>
    <message>
      <source>A report on quarter {quarter} of {year} cannot be dated before the quarter begins ({day}).</source>
      <translation>Báo cáo quý {quarter} năm {year} không thể mang ngày trước khi quý bắt đầu ({day}).</translation>
    </message>
    <message>
      <source>The last report numbered in this series is dated {day}; a later number cannot carry an earlier date.</source>
      <translation>Báo cáo mang số gần nhất của loại văn bản này đề ngày {day}; số sau không thể mang ngày sớm hơn.</translation>
    </message>
    <message>
      <source>A term lasts from 1 to {most} years.</source>
      <translation>Một nhiệm kỳ kéo dài từ 1 đến {most} năm.</translation>
    </message>
    <message>
      <source>'{kind}' is not a kind of report.</source>
      <translation>'{kind}' không phải là một loại báo cáo.</translation>
    </message>
    <message>
      <source>No report has the id '{id}'.</source>
      <translation>Không có báo cáo nào mang mã '{id}'.</translation>
    </message>
    <message>
      <source>Choose the cadre first</source>
      <translation>Hãy chọn cán bộ trước</translation>
    </message>
    <message>
      <source>Raised in</source>
      <translation>Nêu trong</translation>
    </message>
    <message>
      <source>Unticked: raised at any time</source>
      <translation>Bỏ chọn: kiến nghị nêu vào bất kỳ thời điểm nào</translation>
    </message>
    <message>
      <source>The ones raised before the quarter chosen and still waiting when it began</source>
      <translation>Các kiến nghị nêu trước quý đã chọn và chưa có kết quả khi quý bắt đầu</translation>
    </message>
    <message>
      <source>⚠ {day} — overdue</source>
      <translation>⚠ {day} — quá hạn</translation>
    </message>
    <message>
      <source>Mark as closed…</source>
      <translation>Kết thúc…</translation>
    </message>
    <message>
      <source>Show the unit above ({keys})</source>
      <translation>Xem đơn vị cấp trên ({keys})</translation>
    </message>
    <message>
      <source>Reports</source>
      <translation>Báo cáo</translation>
    </message>
    <message>
      <source>Draft</source>
      <translation>Dự thảo</translation>
    </message>
    <message>
      <source>Issued</source>
      <translation>Đã ban hành</translation>
    </message>
    <message>
      <source>A cluster</source>
      <translation>Một cụm xã</translation>
    </message>
    <message>
      <source>A whole district or province</source>
      <translation>Toàn huyện hoặc toàn tỉnh</translation>
    </message>
    <message>
      <source>Number</source>
      <translation>Số</translation>
    </message>
    <message>
      <source>Subject</source>
      <translation>Trích yếu</translation>
    </message>
    <message>
      <source>&amp;New draft</source>
      <translation>Tạo dự thả&amp;o mới</translation>
    </message>
    <message>
      <source>Write a new report on the chosen cluster or area and quarter</source>
      <translation>Soạn báo cáo mới cho cụm hoặc địa bàn và quý đã chọn</translation>
    </message>
    <message>
      <source>&amp;Open</source>
      <translation>&amp;Mở</translation>
    </message>
    <message>
      <source>&amp;Delete the draft</source>
      <translation>Xó&amp;a dự thảo</translation>
    </message>
    <message>
      <source>Report &amp;on</source>
      <translation>Báo cáo c&amp;ho</translation>
    </message>
    <message>
      <source>&amp;Cluster</source>
      <translation>&amp;Cụm</translation>
    </message>
    <message>
      <source>&amp;Unit</source>
      <translation>Đơn &amp;vị</translation>
    </message>
    <message>
      <source>&amp;Year</source>
      <translation>Năm</translation>
    </message>
    <message>
      <source>&amp;Quarter</source>
      <translation>&amp;Quý</translation>
    </message>
    <message>
      <source>Saved &amp;reports</source>
      <translation>Báo cáo đã &amp;lưu</translation>
    </message>
    <message>
      <source>&amp;Save draft</source>
      <translation>Lư&amp;u dự thảo</translation>
    </message>
    <message>
      <source>&amp;Issue…</source>
      <translation>&amp;Ban hành…</translation>
    </message>
    <message>
      <source>Save P&amp;DF…</source>
      <translation>Lưu &amp;PDF…</translation>
    </message>
    <message>
      <source>Save E&amp;xcel…</source>
      <translation>Lưu &amp;Excel…</translation>
    </message>
    <message>
      <source>&amp;Print…</source>
      <translation>&amp;In…</translation>
    </message>
    <message>
      <source>&amp;Figures</source>
      <translation>Số liệu</translation>
    </message>
    <message>
      <source>&amp;Narrative</source>
      <translation>Nội &amp;dung</translation>
    </message>
    <message>
      <source>Pre&amp;view</source>
      <translation>Xem t&amp;rước</translation>
    </message>
    <message>
      <source>Computing the figures…</source>
      <translation>Đang tính số liệu…</translation>
    </message>
    <message>
      <source>No report is open.</source>
      <translation>Chưa mở báo cáo nào.</translation>
    </message>
    <message>
      <source>New draft, not saved yet.</source>
      <translation>Dự thảo mới, chưa lưu.</translation>
    </message>
    <message>
      <source>Unsaved report</source>
      <translation>Báo cáo chưa lưu</translation>
    </message>
    <message>
      <source>Choose a cluster or a whole area and a quarter, then New draft; or open a saved report.</source>
      <translation>Chọn một cụm hoặc toàn địa bàn và quý, rồi bấm Tạo dự thảo mới; hoặc mở một báo cáo đã lưu.</translation>
    </message>
    <message>
      <source>Report on quarter {quarter} of {year}.</source>
      <translation>Báo cáo quý {quarter} năm {year}.</translation>
    </message>
    <message>
      <source>Unsaved changes: Ctrl+S saves them.</source>
      <translation>Có thay đổi chưa lưu: bấm Ctrl+S để lưu.</translation>
    </message>
    <message>
      <source>The file could not be written: {reason}</source>
      <translation>Không ghi được tệp: {reason}</translation>
    </message>
    <message>
      <source>Save the draft report on quarter {quarter} of {year}</source>
      <translation>Lưu dự thảo báo cáo quý {quarter} năm {year}</translation>
    </message>
    <message>
      <source>Issuing gives the report the number {number} and makes it read-only: it can no longer be changed. Issue it?</source>
      <translation>Ban hành sẽ đánh số báo cáo là {number} và khóa báo cáo lại: sau đó không sửa được nữa. Ban hành báo cáo này?</translation>
    </message>
    <message>
      <source>Issue the report</source>
      <translation>Ban hành báo cáo</translation>
    </message>
    <message>
      <source>Draft saved at {time}.</source>
      <translation>Dự thảo đã lưu lúc {time}.</translation>
    </message>
    <message>
      <source>Issue report {number}</source>
      <translation>Ban hành báo cáo {number}</translation>
    </message>
    <message>
      <source>Waiting for the figures…</source>
      <translation>Đang chờ số liệu…</translation>
    </message>
    <message>
      <source>Issued as {number} on {day}: read-only.</source>
      <translation>Đã ban hành, {number} ngày {day}: chỉ xem, không sửa được.</translation>
    </message>
    <message>
      <source>&amp;Table</source>
      <translation>Bản&amp;g</translation>
    </message>
    <message>
      <source>{title}: {communes} communes, {charges} assignments, {recommendations} recommendations raised in the quarter.</source>
      <translation>{title}: {communes} xã, {charges} lượt phân công, {recommendations} kiến nghị tiếp nhận trong quý.</translation>
    </message>
    <message>
      <source>Annex {number}. {title}</source>
      <translation>Phụ lục {number}. {title}</translation>
    </message>
    <message>
      <source>I. The &amp;situation in the area</source>
      <translation>I. Tình hình &amp;chung trên địa bàn</translation>
    </message>
    <message>
      <source>II. &amp;Results</source>
      <translation>II. &amp;Kết quả thực hiện</translation>
    </message>
    <message>
      <source>III. &amp;Assessment: strengths, limits, causes</source>
      <translation>III. Đánh &amp;giá: ưu điểm, hạn chế, nguyên nhân</translation>
    </message>
    <message>
      <source>IV. Tasks for the &amp;next quarter</source>
      <translation>IV. Nhiệm &amp;vụ quý tới</translation>
    </message>
    <message>
      <source>V. Pr&amp;oposals</source>
      <translation>V. Đề xuất, kiến &amp;nghị</translation>
    </message>
    <message>
      <source>None: the head signs directly</source>
      <translation>Không: người đứng đầu ký trực tiếp</translation>
    </message>
    <message>
      <source>Heading</source>
      <translation>Phần đầu văn bản</translation>
    </message>
    <message>
      <source>Sections (paragraphs separated by a blank line)</source>
      <translation>Các phần (các đoạn cách nhau một dòng trống)</translation>
    </message>
    <message>
      <source>Recipients and signer</source>
      <translation>Nơi nhận và người ký</translation>
    </message>
    <message>
      <source>Re&amp;cipients (one a line; "Lưu." is added last)</source>
      <translation>Nơi n&amp;hận (mỗi dòng một nơi; "Lưu." được thêm vào cuối)</translation>
    </message>
    <message>
      <source>Ca&amp;pacity</source>
      <translation>Thẩm &amp;quyền ký</translation>
    </message>
    <message>
      <source>Signer's t&amp;itle</source>
      <translation>&amp;Chức vụ người ký</translation>
    </message>
    <message>
      <source>Signer's na&amp;me</source>
      <translation>&amp;Họ tên người ký</translation>
    </message>
    <message>
      <source>&amp;Higher body</source>
      <translation>Đản&amp;g bộ cấp trên</translation>
    </message>
    <message>
      <source>S&amp;ymbol</source>
      <translation>&amp;Ký hiệu</translation>
    </message>
    <message>
      <source>Issuing &amp;body</source>
      <translation>Cơ qu&amp;an ban hành</translation>
    </message>
    <message>
      <source>P&amp;lace</source>
      <translation>Địa dan&amp;h</translation>
    </message>
    <message>
      <source>Su&amp;bject</source>
      <translation>Trích &amp;yếu</translation>
    </message>
    <message>
      <source>Da&amp;te</source>
      <translation>Ngày ban hành</translation>
    </message>
    <message>
      <source>Rendering the pages…</source>
      <translation>Đang dựng các trang…</translation>
    </message>
    <message>
      <source>Save the report as PDF</source>
      <translation>Lưu báo cáo thành tệp PDF</translation>
    </message>
    <message>
      <source>Save the annexed tables as Excel</source>
      <translation>Lưu các phụ lục thành tệp Excel</translation>
    </message>
    <message>
      <source>Excel workbook (*.xlsx)</source>
      <translation>Sổ tính Excel (*.xlsx)</translation>
    </message>
    <message>
      <source>Preparing the pages to print…</source>
      <translation>Đang chuẩn bị các trang để in…</translation>
    </message>
    <message>
      <source>Writing {path}…</source>
      <translation>Đang ghi {path}…</translation>
    </message>
    <message>
      <source>Saved {path}</source>
      <translation>Đã lưu {path}</translation>
    </message>
    <message>
      <source>{count} pages sent to the printer.</source>
      <translation>Đã gửi {count} trang tới máy in.</translation>
    </message>
    <message>
      <source>Fit width</source>
      <translation>Vừa chiều rộng</translation>
    </message>
    <message>
      <source>Zoom out</source>
      <translation>Thu nhỏ</translation>
    </message>
    <message>
      <source>Zoom in</source>
      <translation>Phóng to</translation>
    </message>
    <message>
      <source>&amp;Zoom</source>
      <translation>Tỷ lệ thu phón&amp;g</translation>
    </message>
    <message>
      <source>The printer could not be opened.</source>
      <translation>Không mở được máy in.</translation>
    </message>
    <message>
      <source>{count} pages</source>
      <translation>{count} trang</translation>
    </message>
    <message>
      <source>Preparing the draft and its figures…</source>
      <translation>Đang soạn dự thảo và tính số liệu…</translation>
    </message>
    <message>
      <source>Delete the draft report "{subject}"?</source>
      <translation>Xóa dự thảo báo cáo "{subject}"?</translation>
    </message>
    <message>
      <source>Delete the draft</source>
      <translation>Xóa dự thảo</translation>
    </message>
    <message>
      <source>Delete the draft report on quarter {quarter} of {year}</source>
      <translation>Xóa dự thảo báo cáo quý {quarter} năm {year}</translation>
    </message>
    <message>
      <source>Open the selected report (Enter)</source>
      <translation>Mở báo cáo đang chọn (Enter)</translation>
    </message>
    <message>
      <source>Delete the selected draft (Del); an issued report is kept</source>
      <translation>Xóa dự thảo đang chọn (Del); báo cáo đã ban hành được giữ lại</translation>
    </message>
    <message>
      <source>Cannot write '{path}': {reason}.</source>
      <translation>Không ghi được '{path}': {reason}.</translation>
    </message>
    <message>
      <source>write a quarterly report as an unnumbered draft (nothing is stored)</source>
      <translation>xuất báo cáo quý thành dự thảo chưa có số (không lưu gì vào cơ sở dữ liệu)</translation>
    </message>
    <message>
      <source>the report of one cluster</source>
      <translation>báo cáo của một cụm</translation>
    </message>
    <message>
      <source>the report of a district or province, all its communes</source>
      <translation>báo cáo của một huyện hoặc tỉnh, gồm tất cả các xã</translation>
    </message>
    <message>
      <source>'{text}' is not a quarter; write it as 2026-Q3.</source>
      <translation>'{text}' không phải là quý hợp lệ; hãy viết theo dạng 2026-Q3.</translation>
    </message>
    <message>
      <source>The folder '{path}' does not exist.</source>
      <translation>Thư mục '{path}' không tồn tại.</translation>
    </message>
    <message>
      <source>'{path}' is a folder; name a file to write.</source>
      <translation>'{path}' là một thư mục; hãy chỉ rõ tên tệp cần ghi.</translation>
    </message>
    <message>
      <source>--out and --xlsx name the same file '{path}'.</source>
      <translation>--out và --xlsx cùng chỉ đến một tệp '{path}'.</translation>
    </message>
    <message>
      <source>Wrote the draft report of {name} for {period} to {path}.</source>
      <translation>Đã ghi dự thảo báo cáo {period} của {name} vào {path}.</translation>
    </message>
    <message>
      <source>the quarter, as 2026-Q3</source>
      <translation>quý, viết theo dạng 2026-Q3</translation>
    </message>
    <message>
      <source>the PDF file to write</source>
      <translation>tệp PDF cần ghi</translation>
    </message>
    <message>
      <source>also write the annexed tables to this .xlsx file</source>
      <translation>ghi thêm các phụ lục vào tệp .xlsx này</translation>
    </message>
    <message>
      <source>the place on the place-and-date line (default: the last saved report's, else the province)</source>
      <translation>địa danh ở dòng địa danh, ngày tháng (mặc định: của báo cáo lưu gần nhất, nếu chưa có thì tên tỉnh)</translation>
    </message>
    <message>
      <source>the signer's full name</source>
      <translation>họ và tên người ký</translation>
    </message>
    <message>
      <source>the date of the report (default: today)</source>
      <translation>ngày của báo cáo (mặc định: hôm nay)</translation>
    </message>
    <message>
      <source>cluster id or name</source>
      <translation>mã định danh hoặc tên cụm</translation>
    </message>
    <message>
      <source>district or province (id, code or path)</source>
      <translation>huyện hoặc tỉnh (mã định danh, mã hành chính hoặc đường dẫn)</translation>
    </message>
    <message>
      <source>Wrote its tables to {path}.</source>
      <translation>Đã ghi các phụ lục vào {path}.</translation>
    </message>
    <message>
      <source>(cannot be read)</source>
      <translation>(không đọc được)</translation>
    </message>
    <message>
      <source>(empty)</source>
      <translation>(trống)</translation>
    </message>
    <message>
      <source>chosen file</source>
      <translation>tệp tự chọn</translation>
    </message>
    <message>
      <source>back up the database (to the backup folder, or --to a file)</source>
      <translation>sao lưu cơ sở dữ liệu (vào thư mục sao lưu, hoặc --to một tệp)</translation>
    </message>
    <message>
      <source>list the backups of the database, newest first</source>
      <translation>liệt kê các bản sao lưu của cơ sở dữ liệu, mới nhất trước</translation>
    </message>
    <message>
      <source>replace the database with a backup</source>
      <translation>thay cơ sở dữ liệu bằng một bản sao lưu</translation>
    </message>
    <message>
      <source>Restored the backup of {when} into {database}.</source>
      <translation>Đã khôi phục bản sao lưu lúc {when} vào {database}.</translation>
    </message>
    <message>
      <source>the file to write, or a folder (a USB drive) to write it into</source>
      <translation>tệp cần ghi, hoặc thư mục (ổ USB) để ghi bản sao lưu vào</translation>
    </message>
    <message>
      <source>every backup in the backup folder, of any database</source>
      <translation>mọi bản sao lưu trong thư mục sao lưu, của bất kỳ cơ sở dữ liệu nào</translation>
    </message>
    <message>
      <source>the backup file</source>
      <translation>tệp sao lưu</translation>
    </message>
    <message>
      <source>really replace it (without: only show what the backup holds)</source>
      <translation>thay thật sự (không có: chỉ cho xem nội dung bản sao lưu)</translation>
    </message>
    <message>
      <source>Backed up the database to {path} ({size}).</source>
      <translation>Đã sao lưu cơ sở dữ liệu vào {path} ({size}).</translation>
    </message>
    <message>
      <source>The backup was brought up to the current schema (from {revision}).</source>
      <translation>Bản sao lưu đã được nâng cấp lên cấu trúc dữ liệu hiện hành (từ {revision}).</translation>
    </message>
    <message>
      <source>The previous database was kept as {path}.</source>
      <translation>Cơ sở dữ liệu trước đó được giữ lại tại {path}.</translation>
    </message>
    <message>
      <source>No backups in {folder}.</source>
      <translation>Không có bản sao lưu nào trong {folder}.</translation>
    </message>
    <message>
      <source>Backup {path}: {kind}, made {when}, schema {revision}.</source>
      <translation>Bản sao lưu {path}: {kind}, tạo lúc {when}, cấu trúc dữ liệu {revision}.</translation>
    </message>
    <message>
      <source>Nothing was changed. Add --yes to replace the database {database} with this backup (the current database is kept as a backup first).</source>
      <translation>Chưa thay đổi gì. Thêm --yes để thay cơ sở dữ liệu {database} bằng bản sao lưu này (cơ sở dữ liệu hiện tại sẽ được sao lưu trước).</translation>
    </message>
    <message>
      <source>daily</source>
      <translation>hằng ngày</translation>
    </message>
    <message>
      <source>manual</source>
      <translation>thủ công</translation>
    </message>
    <message>
      <source>before a schema upgrade</source>
      <translation>trước khi nâng cấp cấu trúc dữ liệu</translation>
    </message>
    <message>
      <source>before a merge</source>
      <translation>trước khi sáp nhập</translation>
    </message>
    <message>
      <source>before an import</source>
      <translation>trước khi nhập dữ liệu</translation>
    </message>
    <message>
      <source>before a restore</source>
      <translation>trước khi khôi phục</translation>
    </message>
    <message>
      <source>'{text}' is not a backup retention; write three numbers: days, weeks, months (as 7,4,12).</source>
      <translation>'{text}' không phải là số bản sao lưu cần giữ; hãy viết ba số: ngày, tuần, tháng (như 7,4,12).</translation>
    </message>
    <message>
      <source>The numbers of backups to keep cannot be negative.</source>
      <translation>Số bản sao lưu cần giữ không được là số âm.</translation>
    </message>
    <message>
      <source>At least one daily backup must be kept.</source>
      <translation>Phải giữ ít nhất một bản sao lưu hằng ngày.</translation>
    </message>
    <message>
      <source>Cannot make the backup: {reason}.</source>
      <translation>Không tạo được bản sao lưu: {reason}.</translation>
    </message>
    <message>
      <source>'{path}' is not an SQLite database: {reason}.</source>
      <translation>'{path}' không phải là cơ sở dữ liệu SQLite: {reason}.</translation>
    </message>
    <message>
      <source>Only SQLite database files can be backed up or restored; '{url}' is not one.</source>
      <translation>Chỉ sao lưu và khôi phục được tệp cơ sở dữ liệu SQLite; '{url}' không phải là tệp như vậy.</translation>
    </message>
    <message>
      <source>There is no database at '{path}'.</source>
      <translation>Không có cơ sở dữ liệu tại '{path}'.</translation>
    </message>
    <message>
      <source>'{path}' is the database itself; choose another file.</source>
      <translation>'{path}' chính là cơ sở dữ liệu đang dùng; hãy chọn tệp khác.</translation>
    </message>
    <message>
      <source>'{path}' is not a Grassroots database: it has no schema revision.</source>
      <translation>'{path}' không phải là cơ sở dữ liệu Nắm cơ sở: tệp không có phiên bản cấu trúc dữ liệu.</translation>
    </message>
    <message>
      <source>'{path}' was made by a newer version of Grassroots (schema {revision}); update Grassroots first.</source>
      <translation>'{path}' được tạo bởi phiên bản Nắm cơ sở mới hơn (cấu trúc dữ liệu {revision}); hãy cập nhật Nắm cơ sở trước.</translation>
    </message>
    <message>
      <source>There is no file '{path}'.</source>
      <translation>Không có tệp '{path}'.</translation>
    </message>
    <message>
      <source>The database '{path}' is open in another program; close it before restoring.</source>
      <translation>Cơ sở dữ liệu '{path}' đang được mở trong một chương trình khác; hãy đóng lại trước khi khôi phục.</translation>
    </message>
    <message>
      <source>'{path}' failed the integrity check: {reason}.</source>
      <translation>'{path}' không qua được bước kiểm tra toàn vẹn: {reason}.</translation>
    </message>
    <message>
      <source>Cannot replace the database '{path}': {reason}.</source>
      <translation>Không thay được cơ sở dữ liệu '{path}': {reason}.</translation>
    </message>
    <message>
      <source>&amp;Back up to…</source>
      <translation>&amp;Sao lưu vào…</translation>
    </message>
    <message>
      <source>R&amp;estore from a backup…</source>
      <translation>&amp;Khôi phục từ bản sao lưu…</translation>
    </message>
    <message>
      <source>Back up to</source>
      <translation>Sao lưu vào</translation>
    </message>
    <message>
      <source>Backing up the database…</source>
      <translation>Đang sao lưu cơ sở dữ liệu…</translation>
    </message>
    <message>
      <source>Replace the current database with the backup of {date}? The current one is kept as a backup first.</source>
      <translation>Thay cơ sở dữ liệu hiện tại bằng bản sao lưu lúc {date}? Cơ sở dữ liệu hiện tại sẽ được giữ lại thành một bản sao lưu trước.</translation>
    </message>
    <message>
      <source>Restore from a backup</source>
      <translation>Khôi phục từ bản sao lưu</translation>
    </message>
    <message>
      <source>Backed up to {path}.</source>
      <translation>Đã sao lưu vào {path}.</translation>
    </message>
    <message>
      <source>Restored the backup of {date}.</source>
      <translation>Đã khôi phục bản sao lưu lúc {date}.</translation>
    </message>
    <message>
      <source>Grassroots database (*.sqlite);;All files (*)</source>
      <translation>Cơ sở dữ liệu Nắm cơ sở (*.sqlite);;Mọi tệp (*)</translation>
    </message>
    <message>
      <source>other file</source>
      <translation>tệp khác</translation>
    </message>
    <message>
      <source>Size (MB)</source>
      <translation>Dung lượng (MB)</translation>
    </message>
    <message>
      <source>Units</source>
      <translation>Đơn vị</translation>
    </message>
    <message>
      <source>Assignments</source>
      <translation>Phân công</translation>
    </message>
    <message>
      <source>&amp;Other file…</source>
      <translation>&amp;Tệp khác…</translation>
    </message>
    <message>
      <source>Restore a backup file kept elsewhere (a USB drive)</source>
      <translation>Khôi phục một tệp sao lưu để ở nơi khác (ổ USB)</translation>
    </message>
    <message>
      <source>Choose a backup</source>
      <translation>Chọn bản sao lưu</translation>
    </message>
    <message>
      <source>Backups in {folder}:</source>
      <translation>Các bản sao lưu trong {folder}:</translation>
    </message>
    <message>
      <source>new</source>
      <translation>mới</translation>
    </message>
    <message>
      <source>changed</source>
      <translation>thay đổi</translation>
    </message>
    <message>
      <source>unchanged</source>
      <translation>không đổi</translation>
    </message>
    <message>
      <source>with errors</source>
      <translation>có lỗi</translation>
    </message>
    <message>
      <source>import units, clusters, cadres and assignments from an .xlsx or .csv file</source>
      <translation>nhập đơn vị, cụm, cán bộ và phân công từ tệp .xlsx hoặc .csv</translation>
    </message>
    <message>
      <source>write the data standing on a day to an .xlsx file</source>
      <translation>xuất dữ liệu tại một ngày ra tệp .xlsx</translation>
    </message>
    <message>
      <source>write the empty workbook to fill in and import</source>
      <translation>ghi tệp mẫu trống để điền rồi nhập</translation>
    </message>
    <message>
      <source>Nothing was imported: correct the errors and try again.</source>
      <translation>Chưa nhập gì: hãy sửa các lỗi rồi nhập lại.</translation>
    </message>
    <message>
      <source>{file}: {rows} rows: {summary}.</source>
      <translation>{file}: {rows} dòng: {summary}.</translation>
    </message>
    <message>
      <source>Imported.</source>
      <translation>Đã nhập xong.</translation>
    </message>
    <message>
      <source>Dry run: nothing was written.</source>
      <translation>Nhập thử: chưa ghi gì vào cơ sở dữ liệu.</translation>
    </message>
    <message>
      <source>Wrote {units} units, {clusters} cluster rows, {cadres} cadres and {assignments} assignments to {path}.</source>
      <translation>Đã ghi {units} đơn vị, {clusters} dòng cụm, {cadres} cán bộ và {assignments} phân công vào {path}.</translation>
    </message>
    <message>
      <source>Wrote the empty workbook to {path}.</source>
      <translation>Đã ghi tệp mẫu trống vào {path}.</translation>
    </message>
    <message>
      <source>the .xlsx or .csv file</source>
      <translation>tệp .xlsx hoặc .csv</translation>
    </message>
    <message>
      <source>only show what each row would do; write nothing</source>
      <translation>chỉ cho biết mỗi dòng sẽ được xử lý thế nào; không ghi gì</translation>
    </message>
    <message>
      <source>the .xlsx file to write</source>
      <translation>tệp .xlsx cần ghi</translation>
    </message>
    <message>
      <source>only this unit and what is under it (id, code or path)</source>
      <translation>chỉ đơn vị này và các đơn vị trực thuộc (mã định danh, mã hoặc đường dẫn)</translation>
    </message>
    <message>
      <source>the day (default: today)</source>
      <translation>ngày lấy số liệu (mặc định: hôm nay)</translation>
    </message>
    <message>
      <source>'{value}' looks like text in an old Vietnamese encoding (TCVN3 or VNI) that could not be converted; retype it in Unicode.</source>
      <translation>'{value}' có vẻ được gõ bằng bảng mã tiếng Việt cũ (TCVN3 hoặc VNI) nhưng không chuyển đổi được; hãy gõ lại bằng Unicode.</translation>
    </message>
    <message>
      <source>TCVN3 (ABC)</source>
      <translation>TCVN3 (ABC)</translation>
    </message>
    <message>
      <source>VNI</source>
      <translation>VNI</translation>
    </message>
    <message>
      <source>'{value}' is not a date; write dd/mm/yyyy.</source>
      <translation>'{value}' không phải là ngày; hãy ghi theo dạng dd/mm/yyyy.</translation>
    </message>
    <message>
      <source>'{value}' is not a whole number.</source>
      <translation>'{value}' không phải là số nguyên.</translation>
    </message>
    <message>
      <source>'{value}' is neither yes ('x') nor no (empty).</source>
      <translation>'{value}' không phải là có ('x') hay không (để trống).</translation>
    </message>
    <message>
      <source>'{value}' is not a level; write one of: {known}.</source>
      <translation>'{value}' không phải là một cấp; hãy ghi một trong: {known}.</translation>
    </message>
    <message>
      <source>'{value}' is not a tier of government; write one of: {known}.</source>
      <translation>'{value}' không phải là cấp công tác; hãy ghi một trong: {known}.</translation>
    </message>
    <message>
      <source>'{value}' is not a gender; write one of: {known}.</source>
      <translation>'{value}' không phải là giới tính; hãy ghi một trong: {known}.</translation>
    </message>
    <message>
      <source>'{value}' is not a working status; write one of: {known}.</source>
      <translation>'{value}' không phải là tình trạng công tác; hãy ghi một trong: {known}.</translation>
    </message>
    <message>
      <source>The file '{path}' does not exist.</source>
      <translation>Không có tệp '{path}'.</translation>
    </message>
    <message>
      <source>No header row of a known sheet (units, clusters, cadres, assignments) was found in its first {rows} rows; the sheet is left aside.</source>
      <translation>Không tìm thấy dòng tên cột của một trang đã biết (đơn vị, cụm, cán bộ, phân công) trong {rows} dòng đầu; trang này được bỏ qua.</translation>
    </message>
    <message>
      <source>The file holds no data.</source>
      <translation>Tệp không có dữ liệu.</translation>
    </message>
    <message>
      <source>The required column '{column}' is missing from the header row.</source>
      <translation>Dòng tên cột thiếu cột bắt buộc '{column}'.</translation>
    </message>
    <message>
      <source>This assignment ended on {day}; its end cannot be changed by an import.</source>
      <translation>Phân công này đã kết thúc ngày {day}; không thể sửa ngày kết thúc bằng cách nhập tệp.</translation>
    </message>
    <message>
      <source>'{value}' is not an id: ids are at most {limit} characters.</source>
      <translation>'{value}' không phải là mã định danh: mã định danh dài tối đa {limit} ký tự.</translation>
    </message>
    <message>
      <source>'{name}' is under another unit in the database; move it in the window, with the day of the move.</source>
      <translation>'{name}' đang thuộc một đơn vị khác trong cơ sở dữ liệu; hãy chuyển đơn vị trong cửa sổ chương trình, kèm ngày chuyển.</translation>
    </message>
    <message>
      <source>No unit bears the official code {code}.</source>
      <translation>Không có đơn vị nào mang mã {code}.</translation>
    </message>
    <message>
      <source>'{name}' is a {actual} in the database, not a {level}.</source>
      <translation>Trong cơ sở dữ liệu '{name}' là {actual}, không phải {level}.</translation>
    </message>
    <message>
      <source>A unit at the top of the hierarchy needs its start date.</source>
      <translation>Đơn vị cấp cao nhất cần có ngày bắt đầu (Từ ngày).</translation>
    </message>
    <message>
      <source>Converted from the {encoding} encoding: '{old}' reads '{new}'.</source>
      <translation>Đã chuyển từ bảng mã {encoding}: '{old}' được đọc là '{new}'.</translation>
    </message>
    <message>
      <source>The column '{column}' is empty.</source>
      <translation>Cột '{column}' đang để trống.</translation>
    </message>
    <message>
      <source>note</source>
      <translation>ghi chú</translation>
    </message>
    <message>
      <source>error</source>
      <translation>lỗi</translation>
    </message>
    <message>
      <source>Sheet '{sheet}', row {row}, column '{column}' ({letter})</source>
      <translation>Trang '{sheet}', dòng {row}, cột '{column}' ({letter})</translation>
    </message>
    <message>
      <source>Sheet '{sheet}', row {row}</source>
      <translation>Trang '{sheet}', dòng {row}</translation>
    </message>
    <message>
      <source>The id {id} is already used by an earlier row.</source>
      <translation>Mã định danh {id} đã được dùng ở một dòng phía trên.</translation>
    </message>
    <message>
      <source>Sheet</source>
      <translation>Trang</translation>
    </message>
    <message>
      <source>Row</source>
      <translation>Dòng</translation>
    </message>
    <message>
      <source>What</source>
      <translation>Nội dung</translation>
    </message>
    <message>
      <source>Outcome</source>
      <translation>Kết quả</translation>
    </message>
    <message>
      <source>Changed columns</source>
      <translation>Cột thay đổi</translation>
    </message>
    <message>
      <source>Problems</source>
      <translation>Lỗi và ghi chú</translation>
    </message>
    <message>
      <source>Import from a spreadsheet</source>
      <translation>Nhập từ bảng tính</translation>
    </message>
    <message>
      <source>Export to a spreadsheet</source>
      <translation>Xuất ra bảng tính</translation>
    </message>
    <message>
      <source>Exporting the data…</source>
      <translation>Đang xuất dữ liệu…</translation>
    </message>
    <message>
      <source>Save the empty template</source>
      <translation>Lưu tệp mẫu trống</translation>
    </message>
    <message>
      <source>Choose a row to read its problems in full.</source>
      <translation>Chọn một dòng để xem đầy đủ lỗi và ghi chú của dòng đó.</translation>
    </message>
    <message>
      <source>all rows</source>
      <translation>mọi dòng</translation>
    </message>
    <message>
      <source>Check &amp;again</source>
      <translation>&amp;Kiểm tra lại</translation>
    </message>
    <message>
      <source>Read the file again after correcting it (nothing is written)</source>
      <translation>Đọc lại tệp sau khi đã sửa (chưa ghi gì vào cơ sở dữ liệu)</translation>
    </message>
    <message>
      <source>&amp;Save the error list…</source>
      <translation>&amp;Lưu danh sách lỗi…</translation>
    </message>
    <message>
      <source>Write the errors to an Excel sheet to correct the file from</source>
      <translation>Ghi các lỗi ra một tệp Excel để dựa vào đó sửa tệp</translation>
    </message>
    <message>
      <source>&amp;Import</source>
      <translation>&amp;Nhập vào</translation>
    </message>
    <message>
      <source>Write every row into the database, after a backup</source>
      <translation>Ghi mọi dòng vào cơ sở dữ liệu, sau khi sao lưu</translation>
    </message>
    <message>
      <source>&amp;Close</source>
      <translation>Đón&amp;g</translation>
    </message>
    <message>
      <source>S&amp;how:</source>
      <translation>&amp;Hiện:</translation>
    </message>
    <message>
      <source>Nothing was imported: correct the errors in the file, then check it again.</source>
      <translation>Chưa nhập gì: hãy sửa các lỗi trong tệp rồi kiểm tra lại.</translation>
    </message>
    <message>
      <source>Press Import to write these rows.</source>
      <translation>Bấm Nhập vào để ghi các dòng này.</translation>
    </message>
    <message>
      <source>Save the error list</source>
      <translation>Lưu danh sách lỗi</translation>
    </message>
    <message>
      <source>File: {path}</source>
      <translation>Tệp: {path}</translation>
    </message>
    <message>
      <source>Imported. The database as it was before is kept in {path}.</source>
      <translation>Đã nhập xong. Cơ sở dữ liệu trước khi nhập được giữ lại tại {path}.</translation>
    </message>
    <message>
      <source>Checking {file}…</source>
      <translation>Đang kiểm tra {file}…</translation>
    </message>
    <message>
      <source>Importing {file}…</source>
      <translation>Đang nhập {file}…</translation>
    </message>
    <message>
      <source>&amp;Import from a spreadsheet…</source>
      <translation>&amp;Nhập từ bảng tính…</translation>
    </message>
    <message>
      <source>E&amp;xport to a spreadsheet…</source>
      <translation>&amp;Xuất ra bảng tính…</translation>
    </message>
    <message>
      <source>Save the empty &amp;template…</source>
      <translation>Lưu tệp mẫu t&amp;rống…</translation>
    </message>
    <message>
      <source>missing: {files}</source>
      <translation>thiếu: {files}</translation>
    </message>
    <message>
      <source>Bundled files</source>
      <translation>Các tệp kèm theo</translation>
    </message>
    <message>
      <source>Database and migrations</source>
      <translation>Cơ sở dữ liệu và các bước chuyển đổi</translation>
    </message>
    <message>
      <source>Official list of units</source>
      <translation>Danh mục đơn vị hành chính chính thức</translation>
    </message>
    <message>
      <source>Public holidays</source>
      <translation>Ngày lễ</translation>
    </message>
    <message>
      <source>Time zone</source>
      <translation>Múi giờ</translation>
    </message>
    <message>
      <source>Report fonts</source>
      <translation>Phông chữ của báo cáo</translation>
    </message>
    <message>
      <source>Translation catalog</source>
      <translation>Danh mục bản dịch</translation>
    </message>
    <message>
      <source>Report PDF and Excel</source>
      <translation>Báo cáo PDF và Excel</translation>
    </message>
    <message>
      <source>{count} files under {folder}</source>
      <translation>{count} tệp trong {folder}</translation>
    </message>
    <message>
      <source>migrated to revision {revision}</source>
      <translation>đã chuyển lên phiên bản {revision}</translation>
    </message>
    <message>
      <source>{province}: {count} units imported</source>
      <translation>{province}: đã nhập {count} đơn vị</translation>
    </message>
    <message>
      <source>{count} faces of {family}</source>
      <translation>{count} kiểu chữ của {family}</translation>
    </message>
    <message>
      <source>no scratch cluster to report on</source>
      <translation>không có cụm thử để lập báo cáo</translation>
    </message>
    <message>
      <source>{pages} page(s), {size} KB of PDF; {workbook}</source>
      <translation>{pages} trang, {size} KB PDF; {workbook}</translation>
    </message>
    <message>
      <source>the scratch database could not be made</source>
      <translation>không tạo được cơ sở dữ liệu thử</translation>
    </message>
    <message>
      <source>the database is at revision {revision}</source>
      <translation>cơ sở dữ liệu đang ở phiên bản {revision}</translation>
    </message>
    <message>
      <source>no National Day among {count} days off</source>
      <translation>không thấy ngày Quốc khánh trong {count} ngày nghỉ</translation>
    </message>
    <message>
      <source>All {count} checks passed.</source>
      <translation>Đạt cả {count} mục kiểm tra.</translation>
    </message>
    <message>
      <source>{failed} of {count} checks failed.</source>
      <translation>{failed} trên {count} mục kiểm tra không đạt.</translation>
    </message>
    <message>
      <source>Window translations</source>
      <translation>Bản dịch của cửa sổ</translation>
    </message>
    <message>
      <source>Window icon</source>
      <translation>Biểu tượng cửa sổ</translation>
    </message>
    <message>
      <source>Qt platform plugins</source>
      <translation>Trình cắm nền tảng của Qt</translation>
    </message>
    <message>
      <source>Worker process</source>
      <translation>Tiến trình phụ</translation>
    </message>
    <message>
      <source>a read in another process: {preset}</source>
      <translation>đọc dữ liệu trong tiến trình khác: {preset}</translation>
    </message>
    <message>
      <source>Grassroots {version} self-check</source>
      <translation>Tự kiểm tra Nắm cơ sở {version}</translation>
    </message>
    <message>
      <source>'{path}' is not a spreadsheet (.xlsx, .xls, .ods) or .csv file.</source>
      <translation>'{path}' không phải là bảng tính (.xlsx, .xls, .ods) hay tệp .csv.</translation>
    </message>
    <message>
      <source>No problem in this row.</source>
      <translation>Dòng này không có lỗi hay ghi chú nào.</translation>
    </message>
    <message>
      <source>Spreadsheets (*.xlsx *.xls *.ods *.csv);;All files (*)</source>
      <translation>Bảng tính (*.xlsx *.xls *.ods *.csv);;Mọi tệp (*)</translation>
    </message>
    <message>
      <source>Spreadsheet export and import</source>
      <translation>Xuất và nhập bảng tính</translation>
    </message>
    <message>
      <source>{rows} rows written and read back unchanged</source>
      <translation>{rows} dòng được ghi ra rồi đọc lại, không đổi</translation>
    </message>
    <message>
      <source>The file has errors; the database is unchanged.</source>
      <translation>Tệp có lỗi; cơ sở dữ liệu không thay đổi.</translation>
    </message>
    <message>
      <source>The database is busy: another program (a Grassroots window or command) is writing to it. Nothing was changed; try again in a moment.</source>
      <translation>Cơ sở dữ liệu đang bận: một chương trình khác (một cửa sổ hoặc một lệnh Grassroots) đang ghi vào. Chưa có gì thay đổi; hãy thử lại sau giây lát.</translation>
    </message>
    <message>
      <source>Its data has been changed since, here or in another program.</source>
      <translation>Dữ liệu liên quan đã bị thay đổi kể từ đó, tại đây hoặc trong một chương trình khác.</translation>
    </message>
    <message>
      <source>“{step}” cannot be undone. {reason} It was taken off the list of steps to undo.</source>
      <translation>Không thể hoàn tác “{step}”. {reason} Bước này đã được bỏ khỏi danh sách hoàn tác.</translation>
    </message>
    <message>
      <source>“{step}” cannot be redone. {reason} It was taken off the list of steps to redo.</source>
      <translation>Không thể làm lại “{step}”. {reason} Bước này đã được bỏ khỏi danh sách làm lại.</translation>
    </message>
    <message>
      <source>a file name is needed</source>
      <translation>cần có tên tệp</translation>
    </message>
    <message>
      <source>a file name cannot hold a NUL character</source>
      <translation>tên tệp không được chứa ký tự NUL</translation>
    </message>
    <message>
      <source>Interrupted.</source>
      <translation>Đã dừng.</translation>
    </message>
    <message>
      <source>Unexpected error: the command was not completed and nothing was half-saved. The details are in the log file {path}.</source>
      <translation>Lỗi ngoài dự kiến: lệnh chưa được thực hiện và không có gì bị ghi dở dang. Chi tiết có trong tệp nhật ký {path}.</translation>
    </message>
    <message>
      <source>{text} is too large a number.</source>
      <translation>{text} là số quá lớn.</translation>
    </message>
    <message>
      <source>the name '{name}' is longer than {limit} bytes</source>
      <translation>tên '{name}' dài quá {limit} byte</translation>
    </message>
    <message>
      <source>Unexpected error: {error} (the log could not be written: {reason}).</source>
      <translation>Lỗi ngoài dự kiến: {error} (không ghi được tệp nhật ký: {reason}).</translation>
    </message>
    <message>
      <source>'{text}' is not a whole number.</source>
      <translation>'{text}' không phải là số nguyên.</translation>
    </message>
    <message>
      <source>The date {day} is outside the years {first} to {last}.</source>
      <translation>Ngày {day} nằm ngoài khoảng từ năm {first} đến năm {last}.</translation>
    </message>
    <message>
      <source>The number of activities to show must be at least 1, not {limit}.</source>
      <translation>Số hoạt động cần hiển thị phải từ 1 trở lên, không phải {limit}.</translation>
    </message>
    <message>
      <source>'{path}' is write-protected and was made by an older Grassroots: it must be upgraded before use, which needs it writable. Nothing was changed.</source>
      <translation>'{path}' đang bị chống ghi và được tạo bởi phiên bản Nắm cơ sở cũ hơn: cần nâng cấp trước khi dùng, mà muốn nâng cấp thì phải ghi được vào tệp. Chưa có gì bị thay đổi.</translation>
    </message>
    <message>
      <source>'{path}' is an empty file (0 bytes), not a database: perhaps a copy that failed. Choose the right file, or delete this one first.</source>
      <translation>'{path}' là tệp rỗng (0 byte), không phải cơ sở dữ liệu: có thể là một lần sao chép bị hỏng. Hãy chọn đúng tệp, hoặc xóa tệp này trước.</translation>
    </message>
    <message>
      <source>The disk holding '{path}' is full: free some space and try again. Nothing was changed.</source>
      <translation>Ổ đĩa chứa '{path}' đã đầy: hãy giải phóng bớt dung lượng rồi thử lại. Chưa có gì bị thay đổi.</translation>
    </message>
    <message>
      <source>'{path}' is write-protected (the file, its folder or the drive): it can be read but not changed. Nothing was changed.</source>
      <translation>'{path}' đang bị chống ghi (tệp, thư mục chứa nó hoặc ổ đĩa): chỉ đọc được, không sửa được. Chưa có gì bị thay đổi.</translation>
    </message>
    <message>
      <source>Cannot open '{path}': the file or its folder is missing, or this user may not open it.</source>
      <translation>Không mở được '{path}': tệp hoặc thư mục chứa nó không tồn tại, hoặc người dùng này không có quyền mở.</translation>
    </message>
    <message>
      <source>'{path}' is not a Grassroots database: it is not an SQLite database file.</source>
      <translation>'{path}' không phải cơ sở dữ liệu của Nắm cơ sở: đây không phải tệp cơ sở dữ liệu SQLite.</translation>
    </message>
    <message>
      <source>The database '{path}' is damaged ({reason}): nothing can be saved into it. Restore the newest good backup ('grassroots backups', then 'grassroots restore').</source>
      <translation>Cơ sở dữ liệu '{path}' bị hỏng ({reason}): không thể lưu thêm gì vào đó. Hãy khôi phục bản sao lưu tốt mới nhất ('grassroots backups', rồi 'grassroots restore').</translation>
    </message>
    <message>
      <source>Cannot read or write '{path}': the disk reported an error. Nothing was changed.</source>
      <translation>Không đọc hoặc ghi được '{path}': ổ đĩa báo lỗi. Chưa có gì bị thay đổi.</translation>
    </message>
    <message>
      <source>The daily backup was not made: {reason}</source>
      <translation>Chưa sao lưu được bản hằng ngày: {reason}</translation>
    </message>
    <message>
      <source>name</source>
      <translation>tên</translation>
    </message>
    <message>
      <source>title</source>
      <translation>tiêu đề</translation>
    </message>
    <message>
      <source>kind</source>
      <translation>loại</translation>
    </message>
    <message>
      <source>official code</source>
      <translation>mã đơn vị</translation>
    </message>
    <message>
      <source>position</source>
      <translation>chức vụ</translation>
    </message>
    <message>
      <source>workplace</source>
      <translation>nơi công tác</translation>
    </message>
    <message>
      <source>phone number</source>
      <translation>số điện thoại</translation>
    </message>
    <message>
      <source>role</source>
      <translation>vai trò</translation>
    </message>
    <message>
      <source>decision number</source>
      <translation>số quyết định</translation>
    </message>
    <message>
      <source>reason</source>
      <translation>lý do</translation>
    </message>
    <message>
      <source>place</source>
      <translation>địa điểm</translation>
    </message>
    <message>
      <source>organizer</source>
      <translation>đơn vị tổ chức</translation>
    </message>
    <message>
      <source>body it is forwarded to</source>
      <translation>nơi được chuyển đến</translation>
    </message>
    <message>
      <source>content</source>
      <translation>nội dung</translation>
    </message>
    <message>
      <source>answer</source>
      <translation>nội dung trả lời</translation>
    </message>
    <message>
      <source>The {field} is longer than {limit} characters ({length}).</source>
      <translation>Trường “{field}” dài {length} ký tự, vượt quá {limit} ký tự cho phép.</translation>
    </message>
    <message>
      <source>The {field} holds an invisible or control character (U+{code}); retype it.</source>
      <translation>Trường “{field}” chứa ký tự điều khiển hoặc ký tự vô hình (U+{code}); hãy gõ lại.</translation>
    </message>
    <message>
      <source>The encoding of '{path}' is not recognized (it is not UTF-8, UTF-16, UTF-32, Windows-1258, TCVN3 or VNI text); save it again as 'CSV UTF-8'.</source>
      <translation>Không nhận ra bảng mã của tệp '{path}' (không phải văn bản UTF-8, UTF-16, UTF-32, Windows-1258, TCVN3 hay VNI); hãy lưu lại tệp dưới dạng 'CSV UTF-8'.</translation>
    </message>
    <message>
      <source>'{path}' cannot be read as a CSV file near line {line}: {reason}.</source>
      <translation>Không đọc được '{path}' như một tệp CSV ở gần dòng {line}: {reason}.</translation>
    </message>
    <message>
      <source>The file is not in Unicode: it was read as {encoding} text.</source>
      <translation>Tệp không dùng bảng mã Unicode: đã được đọc theo bảng mã {encoding}.</translation>
    </message>
    <message>
      <source>The sheet is hidden in the workbook: show it (right-click a sheet tab, Unhide) to check it, or delete it, then import again.</source>
      <translation>Trang tính này đang bị ẩn trong sổ tính: hãy cho hiện ra (nhấp chuột phải vào thẻ trang tính, chọn Unhide) để kiểm tra, hoặc xóa nó đi, rồi nhập lại.</translation>
    </message>
    <message>
      <source>The sheet '{sheet}' is too large to read (over {limit} MB unpacked).</source>
      <translation>Trang tính '{sheet}' quá lớn, không đọc được (hơn {limit} MB khi giải nén).</translation>
    </message>
    <message>
      <source>This row could not be read ({reason}); check its cells.</source>
      <translation>Không đọc được dòng này ({reason}); hãy kiểm tra các ô của dòng.</translation>
    </message>
    <message>
      <source>Taken as the cadre already in the database: {cadre}.</source>
      <translation>Đã hiểu là cán bộ có sẵn trong cơ sở dữ liệu: {cadre}.</translation>
    </message>
    <message>
      <source>{count} cadres are named '{name}': {candidates}; give the id of the one meant in the column '{column}'.</source>
      <translation>Có {count} cán bộ tên '{name}': {candidates}; hãy ghi mã của người cần chọn vào cột '{column}'.</translation>
    </message>
    <message>
      <source>{count} cadres in the database fit '{name}': {candidates}; give the id, the birth year or the workplace of the one meant.</source>
      <translation>Có {count} cán bộ trong cơ sở dữ liệu khớp với '{name}': {candidates}; hãy ghi mã, năm sinh hoặc nơi công tác của người cần chọn.</translation>
    </message>
    <message>
      <source>Row {row} already stands for this cadre; keep one row for each cadre.</source>
      <translation>Dòng {row} đã ứng với cán bộ này; mỗi cán bộ chỉ giữ một dòng.</translation>
    </message>
    <message>
      <source>Row {row} already gives this assignment; keep one row for it.</source>
      <translation>Dòng {row} đã ghi phân công này; mỗi phân công chỉ giữ một dòng.</translation>
    </message>
    <message>
      <source>Row {row} also names '{name}' without an id: if they are two people, give each a birth year or workplace (or an id) that tells them apart; if one, keep one row.</source>
      <translation>Dòng {row} cũng ghi tên '{name}' mà không có mã: nếu là hai người, hãy ghi năm sinh hoặc nơi công tác (hoặc mã) để phân biệt; nếu là một người, chỉ giữ một dòng.</translation>
    </message>
    <message>
      <source>The cell holds the spreadsheet error {code} instead of a value; correct the formula or type the value.</source>
      <translation>Ô chứa lỗi bảng tính {code} thay cho giá trị; hãy sửa công thức hoặc gõ giá trị vào.</translation>
    </message>
    <message>
      <source>The cell holds TRUE or FALSE where text or a number is expected.</source>
      <translation>Ô chứa TRUE hoặc FALSE ở chỗ cần chữ hoặc số.</translation>
    </message>
    <message>
      <source>{value} is more than any unit can count (at most {limit}).</source>
      <translation>{value} lớn hơn mọi số liệu một đơn vị có thể có (tối đa {limit}).</translation>
    </message>
    <message>
      <source>cell text</source>
      <translation>nội dung ô</translation>
    </message>
    <message>
      <source>'{path}' is UTF-8 text with bytes that are not UTF-8 on line {line}; save it again as 'CSV UTF-8'.</source>
      <translation>'{path}' là văn bản UTF-8 nhưng có byte không hợp lệ ở dòng {line}; hãy lưu lại tệp dưới dạng 'CSV UTF-8'.</translation>
    </message>
    <message>
      <source>The header row has the column '{column}' more than once (columns {letters}); keep one.</source>
      <translation>Dòng tên cột có cột '{column}' nhiều hơn một lần (các cột {letters}); hãy chỉ giữ một.</translation>
    </message>
    <message>
      <source>'{path}' unpacks to more than {limit} MB: it is not an exchange workbook.</source>
      <translation>'{path}' khi giải nén lớn hơn {limit} MB: đây không phải là tệp trao đổi dữ liệu.</translation>
    </message>
    <message>
      <source>The cell holds the formula {code}, whose value was never calculated; open the file in a spreadsheet program, save it, and import it again.</source>
      <translation>Ô chứa công thức {code} nhưng giá trị của nó chưa từng được tính; hãy mở tệp bằng chương trình bảng tính, lưu lại rồi nhập lại.</translation>
    </message>
    <message>
      <source>report text</source>
      <translation>nội dung báo cáo</translation>
    </message>
    <message>
      <source>The sheet '{sheet}' reaches row {rows} and column {columns}: beyond what can be read (at most {limit} cells from A1, {most_rows} rows, {most_columns} columns). Delete what lies beyond the data (select the empty rows and columns, then Delete) and try again.</source>
      <translation>Trang tính '{sheet}' kéo dài tới dòng {rows} và cột {columns}: vượt quá mức có thể đọc (tối đa {limit} ô tính từ A1, {most_rows} dòng, {most_columns} cột). Hãy xóa phần nằm ngoài dữ liệu (chọn các dòng và cột trống rồi bấm Delete) và thử lại.</translation>
    </message>
    <message>
      <source>'{path}' exists already; choose a new file name.</source>
      <translation>'{path}' đã có; hãy chọn một tên tệp mới.</translation>
    </message>
    <message>
      <source>'{path}' is in the backup folder '{folder}'; choose a file elsewhere.</source>
      <translation>'{path}' nằm trong thư mục sao lưu '{folder}'; hãy chọn tệp ở nơi khác.</translation>
    </message>
    <message>
      <source>'{path}' is the open database or one of its working files; choose another file.</source>
      <translation>'{path}' là cơ sở dữ liệu đang mở hoặc một tệp làm việc của nó; hãy chọn tệp khác.</translation>
    </message>
    <message>
      <source>'{path}' is a database or a backup; Grassroots never writes over one. Choose another file.</source>
      <translation>'{path}' là một cơ sở dữ liệu hoặc một bản sao lưu; Grassroots không bao giờ ghi đè lên tệp như vậy. Hãy chọn tệp khác.</translation>
    </message>
    <message>
      <source>'{path}' is a backup made by an older Grassroots: it must be upgraded before use, and a backup is never changed. Restore it instead (grassroots restore '{path}', or 'Restore from a backup…' in the window). Nothing was changed.</source>
      <translation>'{path}' là bản sao lưu do phiên bản Nắm cơ sở cũ hơn tạo ra: cần nâng cấp trước khi dùng, mà bản sao lưu thì không bao giờ bị thay đổi. Hãy khôi phục bản sao lưu này (grassroots restore '{path}', hoặc 'Khôi phục từ bản sao lưu…' trong cửa sổ). Chưa có gì bị thay đổi.</translation>
    </message>
    <message>
      <source>'{path}' is a backup: Grassroots only reads it and never writes into it. To work on it, restore it (grassroots restore '{path}', or 'Restore from a backup…' in the window). Nothing was changed.</source>
      <translation>'{path}' là một bản sao lưu: Nắm cơ sở chỉ đọc, không bao giờ ghi vào tệp này. Muốn làm việc trên nó, hãy khôi phục nó (grassroots restore '{path}', hoặc 'Khôi phục từ bản sao lưu…' trong cửa sổ). Chưa có gì bị thay đổi.</translation>
    </message>
    <message>
      <source>'{commune}' already belongs to the cluster '{cluster}' from {start}.</source>
      <translation>'{commune}' đã thuộc cụm '{cluster}' từ {start}.</translation>
    </message>
    <message>
      <source>'{name}' is named both to add to the cluster and to remove from it; name it once.</source>
      <translation>'{name}' vừa được nêu để thêm vào cụm vừa để bỏ khỏi cụm; chỉ nêu một lần.</translation>
    </message>
    <message>
      <source>'{path}' is a folder, not a database file: name the database file in it.</source>
      <translation>'{path}' là một thư mục, không phải tệp cơ sở dữ liệu: hãy nêu tên tệp cơ sở dữ liệu trong thư mục đó.</translation>
    </message>
    <message>
      <source>The {field} holds a character with no agreed meaning (U+{code}: private-use, unassigned or a non-character); retype it.</source>
      <translation>Trường “{field}” chứa ký tự không có nghĩa chung (U+{code}: ký tự dùng riêng, chưa được gán hoặc không phải ký tự); hãy gõ lại.</translation>
    </message>
    <message>
      <source>The {field} holds only accents or marks, no letter, digit or sign; retype it.</source>
      <translation>Trường “{field}” chỉ có dấu thanh hoặc dấu phụ, không có chữ, chữ số hay ký hiệu nào; hãy gõ lại.</translation>
    </message>
    <message>
      <source>The cell holds a date or time where text is expected; if it is meant, type it as text.</source>
      <translation>Ô này chứa ngày hoặc giờ ở chỗ cần chữ; nếu đúng là muốn ghi như vậy, hãy gõ nó dưới dạng văn bản.</translation>
    </message>
    <message>
      <source>'{path}' is a damaged workbook, or one locked with a password, and cannot be read; open it in Excel or LibreOffice, save it again without a password, and import it again.</source>
      <translation>Không đọc được bảng tính '{path}': tệp bị hỏng hoặc bị khóa bằng mật khẩu; hãy mở nó bằng Excel hoặc LibreOffice, lưu lại không đặt mật khẩu, rồi nhập lại.</translation>
    </message>
    <message>
      <source>'{path}' is empty (0 bytes).</source>
      <translation>Tệp '{path}' rỗng (0 byte).</translation>
    </message>
    <message>
      <source>'{path}' is a zip archive but not a workbook.</source>
      <translation>Tệp '{path}' là một tệp nén zip chứ không phải bảng tính.</translation>
    </message>
    <message>
      <source>'{path}' is not an Excel or OpenDocument workbook (perhaps another kind of file renamed).</source>
      <translation>Tệp '{path}' không phải bảng tính Excel hay OpenDocument (có thể là một loại tệp khác bị đổi tên).</translation>
    </message>
    <message>
      <source>'{path}' would be larger than the system allows for one file: nothing was written. Ask whoever manages this computer to lift the limit, or write to another drive.</source>
      <translation>'{path}' sẽ lớn hơn mức hệ thống cho phép với một tệp: chưa có gì được ghi. Hãy nhờ người quản lý máy này nới giới hạn, hoặc ghi vào ổ đĩa khác.</translation>
    </message>
    <message>
      <source>'{path}' is not an ordinary file (a device, a pipe or a socket); name a file to write.</source>
      <translation>'{path}' không phải là một tệp thông thường (mà là thiết bị, đường ống hoặc socket); hãy nêu tên một tệp để ghi.</translation>
    </message>
    <message>
      <source>'{path}' is a working file of an SQLite database; Grassroots never writes over one. Choose another file.</source>
      <translation>'{path}' là tệp làm việc của một cơ sở dữ liệu SQLite; Grassroots không bao giờ ghi đè lên tệp như vậy. Hãy chọn tệp khác.</translation>
    </message>
    <message>
      <source>import a province, or one district of it, from the official list</source>
      <translation>nhập một tỉnh, hoặc một huyện của tỉnh, từ danh mục hành chính chính thức</translation>
    </message>
    <message>
      <source>only this district (three-level model: the pre-July-2025 list)</source>
      <translation>chỉ nhập huyện này (mô hình ba cấp: danh mục trước ngày 01/7/2025)</translation>
    </message>
    <message>
      <source>This database has the two-level model, which has no districts: import the whole province without naming the district '{district}'.</source>
      <translation>Cơ sở dữ liệu này theo mô hình hai cấp, không có cấp huyện: hãy nhập cả tỉnh, không ghi huyện '{district}'.</translation>
    </message>
    <message>
      <source>The code {code} belongs to '{name}', which is not a {level}.</source>
      <translation>Mã {code} thuộc về '{name}', không phải đơn vị cấp {level}.</translation>
    </message>
    <message>
      <source>'{name}' fits several units of the official list: {choices}; give the full name or the code.</source>
      <translation>'{name}' ứng với nhiều đơn vị trong danh mục hành chính chính thức: {choices}; hãy ghi tên đầy đủ hoặc mã.</translation>
    </message>
    <message>
      <source>No district was named.</source>
      <translation>Chưa ghi tên huyện.</translation>
    </message>
    <message>
      <source>No district of {province} in the official list is named '{name}'.</source>
      <translation>Danh mục hành chính chính thức không có huyện nào của {province} tên '{name}'.</translation>
    </message>
    <message>
      <source>Import from the o&amp;fficial list…</source>
      <translation>Nhập từ &amp;danh mục hành chính chính thức…</translation>
    </message>
    <message>
      <source>Units already present (same official code, or same name without a code) are kept; the others are added.</source>
      <translation>Các đơn vị đã có (cùng mã chính thức, hoặc cùng tên mà chưa có mã) được giữ nguyên; các đơn vị còn lại được thêm vào.</translation>
    </message>
    <message>
      <source>District</source>
      <translation>Đơn vị cấp huyện</translation>
    </message>
    <message>
      <source>The whole province</source>
      <translation>Cả tỉnh</translation>
    </message>
    <message>
      <source>Import from the official list</source>
      <translation>Nhập từ danh mục hành chính chính thức</translation>
    </message>
    <message>
      <source>This is the list in force before 1 July 2025; its units are valid from {day}.</source>
      <translation>Đây là danh mục có hiệu lực trước ngày 01/7/2025; các đơn vị được ghi hiệu lực từ ngày {day}.</translation>
    </message>
    <message>
      <source>{count} provinces in the pre-July-2025 list</source>
      <translation>danh mục trước ngày 01/7/2025 có {count} tỉnh, thành phố</translation>
    </message>
    <message>
      <source>Month plan</source>
      <translation>Kế hoạch tháng</translation>
    </message>
    <message>
      <source>Save the month plan as PDF</source>
      <translation>Lưu kế hoạch tháng thành tệp PDF</translation>
    </message>
    <message>
      <source>The month plan was sent to the printer.</source>
      <translation>Kế hoạch tháng đã được gửi đến máy in.</translation>
    </message>
    <message>
      <source>Save as PDF…</source>
      <translation>Lưu thành PDF…</translation>
    </message>
    <message>
      <source>Errors</source>
      <translation>Lỗi</translation>
    </message>
    <message>
      <source>Data</source>
      <translation>Dữ liệu</translation>
    </message>
    <message>
      <source>Import template</source>
      <translation>Mẫu nhập dữ liệu</translation>
    </message>
    <message>
      <source>Report</source>
      <translation>Báo cáo</translation>
    </message>
    <message>
      <source>No. {number}</source>
      <translation>Số {number}</translation>
    </message>
    <message>
      <source>{new} added, {changed} changed, {unchanged} unchanged (skipped), {error} refused</source>
      <translation>thêm {new}, sửa {changed}, {unchanged} không đổi (bỏ qua), {error} bị từ chối</translation>
    </message>
    <message>
      <source>{new} to add, {changed} to change, {unchanged} unchanged (to skip), {error} refused (with errors)</source>
      <translation>sẽ thêm {new}, sẽ sửa {changed}, {unchanged} không đổi (sẽ bỏ qua), {error} bị từ chối (có lỗi)</translation>
    </message>
    <message>
      <source>Nothing to import: the database already holds every row as the file gives it.</source>
      <translation>Không có gì để nhập: cơ sở dữ liệu đã có mọi dòng đúng như trong tệp.</translation>
    </message>
    <message>
      <source>Import {file} into the database? Of its {rows} rows: {fates}. It is backed up first.</source>
      <translation>Nhập {file} vào cơ sở dữ liệu? Trong {rows} dòng: {fates}. Cơ sở dữ liệu sẽ được sao lưu trước.</translation>
    </message>
    <message>
      <source>This assignment has not ended; end it with “End the assignment” instead.</source>
      <translation>Phân công này chưa kết thúc; hãy dùng “Kết thúc phân công” để kết thúc.</translation>
    </message>
    <message>
      <source>'{name}' closed on {day}; an assignment on it cannot last beyond that day.</source>
      <translation>'{name}' đã giải thể ngày {day}; phân công phụ trách không thể kéo dài quá ngày đó.</translation>
    </message>
    <message>
      <source>Edit the assignment</source>
      <translation>Sửa phân công</translation>
    </message>
    <message>
      <source>Edit the assignment of {name}</source>
      <translation>Sửa phân công của {name}</translation>
    </message>
    <message>
      <source>New cluster</source>
      <translation>Cụm mới</translation>
    </message>
    <message>
      <source>e.g. Cụm số 1</source>
      <translation>ví dụ: Cụm số 1</translation>
    </message>
    <message>
      <source>New name</source>
      <translation>Tên mới</translation>
    </message>
    <message>
      <source>Add communes to {name}</source>
      <translation>Thêm xã vào {name}</translation>
    </message>
    <message>
      <source>Remove communes from {name}</source>
      <translation>Bớt xã khỏi {name}</translation>
    </message>
    <message>
      <source>Find</source>
      <translation>Tìm</translation>
    </message>
    <message>
      <source>The cluster stays in the history; from that day its communes leave it and the assignments on it end.</source>
      <translation>Cụm vẫn được lưu trong lịch sử; từ ngày đó các xã ra khỏi cụm và các phân công phụ trách cụm kết thúc.</translation>
    </message>
    <message>
      <source>In the cluster from</source>
      <translation>Vào cụm từ ngày</translation>
    </message>
    <message>
      <source>Out of the cluster from</source>
      <translation>Ra khỏi cụm từ ngày</translation>
    </message>
    <message>
      <source>Tick at least one commune.</source>
      <translation>Hãy đánh dấu ít nhất một xã.</translation>
    </message>
    <message>
      <source>Close the cluster '{name}' from {day}? Its communes leave it and the assignments on it end that day.</source>
      <translation>Giải thể cụm '{name}' từ ngày {day}? Các xã sẽ ra khỏi cụm và các phân công phụ trách cụm kết thúc từ ngày đó.</translation>
    </message>
    <message>
      <source>New cluster {name}</source>
      <translation>Lập cụm {name}</translation>
    </message>
    <message>
      <source>Rename {name}</source>
      <translation>Đổi tên {name}</translation>
    </message>
    <message>
      <source>Rename the cluster {name}</source>
      <translation>Đổi tên cụm {name}</translation>
    </message>
    <message>
      <source>Close the cluster {name}</source>
      <translation>Giải thể cụm {name}</translation>
    </message>
    <message>
      <source>{commune} (now in {cluster})</source>
      <translation>{commune} (đang thuộc {cluster})</translation>
    </message>
    <message>
      <source>Edit the assignment…</source>
      <translation>Sửa phân công…</translation>
    </message>
    <message>
      <source>New cluster…</source>
      <translation>Cụm mới…</translation>
    </message>
    <message>
      <source>Rename…</source>
      <translation>Đổi tên…</translation>
    </message>
    <message>
      <source>Add communes…</source>
      <translation>Thêm xã…</translation>
    </message>
    <message>
      <source>Remove communes…</source>
      <translation>Bớt xã…</translation>
    </message>
    <message>
      <source>Close the cluster…</source>
      <translation>Giải thể cụm…</translation>
    </message>
    <message>
      <source>Cluster of communes, from {start}{end}</source>
      <translation>Cụm xã, từ ngày {start}{end}</translation>
    </message>
    <message>
      <source>The database has no units yet.</source>
      <translation>Cơ sở dữ liệu chưa có đơn vị nào.</translation>
    </message>
    <message>
      <source>No unit existed yet on {day}: the first one starts on {first}. Choose a later day under “As of”, or press Today.</source>
      <translation>Ngày {day} chưa có đơn vị nào: đơn vị sớm nhất có từ ngày {first}. Hãy chọn một ngày muộn hơn ở ô “Ngày xem”, hoặc nhấn Hôm nay.</translation>
    </message>
    <message>
      <source>No unit stands on {day}.</source>
      <translation>Ngày {day} không có đơn vị nào đang tồn tại.</translation>
    </message>
    <message>
      <source>Cadre &amp;roster</source>
      <translation>&amp;Danh sách cán bộ</translation>
    </message>
    <message>
      <source>Show the hierarchy and the assignments as they are today</source>
      <translation>Xem hệ thống đơn vị và phân công như hôm nay</translation>
    </message>
    <message>
      <source>… and {count} more (use --all to see them all)</source>
      <translation>… và {count} mục khác (dùng --all để xem tất cả)</translation>
    </message>
    <message>
      <source>No {option} was given: the change takes effect today, {day}.</source>
      <translation>Không có {option}: thay đổi có hiệu lực từ hôm nay, {day}.</translation>
    </message>
    <message>
      <source>the first day in charge (the decision's date of effect)</source>
      <translation>ngày bắt đầu phụ trách (ngày quyết định có hiệu lực)</translation>
    </message>
    <message>
      <source>list every gap and overloaded cadre (without: the first 50)</source>
      <translation>liệt kê mọi nơi còn thiếu và mọi cán bộ quá tải (không có: 50 mục đầu)</translation>
    </message>
    <message>
      <source>No --from was given: it begins today, {day}, so nothing (an assignment, a move, a meeting) can be dated before that day. Give --from with the day it really began.</source>
      <translation>Không có --from: đơn vị bắt đầu từ hôm nay, {day}, nên không thể ghi gì (phân công, chuyển đơn vị, cuộc họp) trước ngày đó. Hãy dùng --from với ngày đơn vị thực sự bắt đầu.</translation>
    </message>
    <message>
      <source>not allowed with argument %s</source>
      <translation>không được dùng cùng tham số %s</translation>
    </message>
    <message>
      <source>no decision recorded</source>
      <translation>chưa ghi quyết định</translation>
    </message>
    <message>
      <source>list the assignments with their ids</source>
      <translation>liệt kê các phân công kèm mã định danh</translation>
    </message>
    <message>
      <source>correct an assignment's decision, dates or note</source>
      <translation>sửa quyết định, ngày hoặc ghi chú của một phân công</translation>
    </message>
    <message>
      <source>rename a unit or change its kind, code or figures</source>
      <translation>đổi tên đơn vị hoặc sửa loại, mã, số liệu của đơn vị</translation>
    </message>
    <message>
      <source>edit a cadre (leaving ends their assignments)</source>
      <translation>sửa thông tin cán bộ (nghỉ công tác thì kết thúc các phân công của cán bộ)</translation>
    </message>
    <message>
      <source>Nothing to change: give at least one of {options}.</source>
      <translation>Không có gì để sửa: hãy cho ít nhất một trong các tham số {options}.</translation>
    </message>
    <message>
      <source>decision {number} of {day}</source>
      <translation>quyết định {number} ngày {day}</translation>
    </message>
    <message>
      <source>The assignment now reads:</source>
      <translation>Phân công sau khi sửa:</translation>
    </message>
    <message>
      <source>from {day}</source>
      <translation>từ {day}</translation>
    </message>
    <message>
      <source>decision {number}</source>
      <translation>quyết định {number}</translation>
    </message>
    <message>
      <source>All assignments, ended ones too: {count}</source>
      <translation>Tất cả phân công, kể cả đã kết thúc: {count}</translation>
    </message>
    <message>
      <source>Assignments running on {day}: {count}</source>
      <translation>Phân công đang chạy ngày {day}: {count}</translation>
    </message>
    <message>
      <source>No assignments.</source>
      <translation>Không có phân công nào.</translation>
    </message>
    <message>
      <source>Give the day the status changes with --on (for one who leaves, their assignments end that day).</source>
      <translation>Hãy cho ngày thay đổi trạng thái bằng --on (cán bộ nghỉ công tác thì các phân công kết thúc vào ngày đó).</translation>
    </message>
    <message>
      <source>Saved the cadre {name}.</source>
      <translation>Đã lưu cán bộ {name}.</translation>
    </message>
    <message>
      <source>only on this unit and below it (id, code or path)</source>
      <translation>chỉ ở đơn vị này và các đơn vị trực thuộc (mã định danh, mã hoặc đường dẫn)</translation>
    </message>
    <message>
      <source>only on this cluster and its communes (id or name)</source>
      <translation>chỉ ở cụm này và các xã của cụm (mã định danh hoặc tên)</translation>
    </message>
    <message>
      <source>those running on this day (default: today)</source>
      <translation>các phân công đang chạy vào ngày này (mặc định: hôm nay)</translation>
    </message>
    <message>
      <source>all of them, ended ones too</source>
      <translation>tất cả, kể cả đã kết thúc</translation>
    </message>
    <message>
      <source>the decision number</source>
      <translation>số quyết định</translation>
    </message>
    <message>
      <source>the day the decision was signed ('' clears it)</source>
      <translation>ngày ký quyết định ('' để xóa)</translation>
    </message>
    <message>
      <source>the first day in charge</source>
      <translation>ngày bắt đầu phụ trách</translation>
    </message>
    <message>
      <source>why it ends before the minimum tenure</source>
      <translation>lý do kết thúc trước thời gian phụ trách tối thiểu</translation>
    </message>
    <message>
      <source>official code ('' clears it)</source>
      <translation>mã đơn vị hành chính ('' để xóa)</translation>
    </message>
    <message>
      <source>home unit (id, code or path; '' clears it)</source>
      <translation>đơn vị nơi cư trú (mã định danh, mã hoặc đường dẫn; '' để xóa)</translation>
    </message>
    <message>
      <source>the day the new status takes effect (required with --status)</source>
      <translation>ngày trạng thái mới có hiệu lực (bắt buộc khi có --status)</translation>
    </message>
    <message>
      <source>why the cadre left (kept with each assignment ended)</source>
      <translation>lý do cán bộ nghỉ (ghi vào từng phân công được kết thúc)</translation>
    </message>
    <message>
      <source>Saved {path} ({kind}), code {code}.</source>
      <translation>Đã lưu {path} ({kind}), mã {code}.</translation>
    </message>
    <message>
      <source>Left on {day}; {count} assignments ended that day:</source>
      <translation>Nghỉ công tác từ {day}; {count} phân công kết thúc ngày đó:</translation>
    </message>
    <message>
      <source>list or correct assignments</source>
      <translation>liệt kê hoặc sửa các phân công</translation>
    </message>
    <message>
      <source>Left on</source>
      <translation>Nghỉ từ ngày</translation>
    </message>
    <message>
      <source>Reason for leaving</source>
      <translation>Lý do nghỉ</translation>
    </message>
    <message>
      <source>These {count} assignments end on the day the cadre leaves:</source>
      <translation>{count} phân công sau đây kết thúc vào ngày cán bộ nghỉ:</translation>
    </message>
    <message>
      <source>No assignment ends.</source>
      <translation>Không có phân công nào phải kết thúc.</translation>
    </message>
    <message>
      <source>find units by a word of their name or by code</source>
      <translation>tìm đơn vị theo một từ trong tên hoặc theo mã</translation>
    </message>
    <message>
      <source>every unit found (without: the first 50)</source>
      <translation>mọi đơn vị tìm được (không có: 50 đơn vị đầu)</translation>
    </message>
    <message>
      <source>… and more (use --all to see them all)</source>
      <translation>… và còn nữa (dùng --all để xem tất cả)</translation>
    </message>
    <message>
      <source>the day it ended (only of one that has ended: unassign ends one)</source>
      <translation>ngày kết thúc (chỉ với phân công đã kết thúc; muốn kết thúc một phân công, dùng unassign)</translation>
    </message>
    <message>
      <source>&amp;Set up this database…</source>
      <translation>Thiết &amp;lập cơ sở dữ liệu này…</translation>
    </message>
    <message>
      <source>This database is empty. To start, choose File ▸ Set up this database…</source>
      <translation>Cơ sở dữ liệu này còn trống. Để bắt đầu, hãy chọn Tệp ▸ Thiết lập cơ sở dữ liệu này…</translation>
    </message>
    <message>
      <source>the local settings: tenure, workload, meeting-free days, attendance</source>
      <translation>các quy định riêng: thời gian phụ trách, khối lượng phụ trách, ngày hạn chế họp, dự sinh hoạt</translation>
    </message>
    <message>
      <source>show every local setting</source>
      <translation>xem mọi quy định riêng</translation>
    </message>
    <message>
      <source>change one local setting</source>
      <translation>đổi một quy định riêng</translation>
    </message>
    <message>
      <source>the grasp rules: the roles of each level, who may hold them, how many</source>
      <translation>quy định phân công: các vai trò của từng cấp, ai được giữ, cần bao nhiêu người</translation>
    </message>
    <message>
      <source>list the roles, who may hold them and how many are required</source>
      <translation>liệt kê các vai trò, ai được giữ và cần bao nhiêu người</translation>
    </message>
    <message>
      <source>remove a role nobody holds</source>
      <translation>bỏ một vai trò không còn ai giữ</translation>
    </message>
    <message>
      <source>Added:</source>
      <translation>Đã thêm:</translation>
    </message>
    <message>
      <source>Changed:</source>
      <translation>Đã sửa:</translation>
    </message>
    <message>
      <source>add a role to a level</source>
      <translation>thêm một vai trò cho một cấp</translation>
    </message>
    <message>
      <source>change who may hold a role or how many are required</source>
      <translation>sửa ai được giữ một vai trò hoặc số người cần có</translation>
    </message>
    <message>
      <source>Local rules of this database ({model} model):</source>
      <translation>Các quy định riêng của cơ sở dữ liệu này (mô hình {model}):</translation>
    </message>
    <message>
      <source>Change one with: grassroots settings set KEY VALUE (keys: {keys}).</source>
      <translation>Đổi một quy định bằng lệnh: grassroots settings set KHÓA GIÁ_TRỊ (các khóa: {keys}).</translation>
    </message>
    <message>
      <source>{key}: {old} → {new}</source>
      <translation>{key}: {old} → {new}</translation>
    </message>
    <message>
      <source>{key}: removed</source>
      <translation>{key}: đã bỏ</translation>
    </message>
    <message>
      <source>Nothing changed.</source>
      <translation>Không có gì thay đổi.</translation>
    </message>
    <message>
      <source>No grasp rules.</source>
      <translation>Chưa có quy định phân công nào.</translation>
    </message>
    <message>
      <source>Removed the role '{role}' of a {level}.</source>
      <translation>Đã bỏ vai trò '{role}' của {level}.</translation>
    </message>
    <message>
      <source>the role's name, as assignments show it</source>
      <translation>tên vai trò, như ghi trong các phân công</translation>
    </message>
    <message>
      <source>how many cadres are required on each target (default 1)</source>
      <translation>số cán bộ cần có ở mỗi nơi được phân công (mặc định 1)</translation>
    </message>
    <message>
      <source>the setting, as settings show lists it</source>
      <translation>khóa của quy định, như lệnh settings show liệt kê</translation>
    </message>
    <message>
      <source>its new value</source>
      <translation>giá trị mới</translation>
    </message>
    <message>
      <source>who may hold it: {holders}</source>
      <translation>Ai được giữ: {holders}</translation>
    </message>
    <message>
      <source>required on each: {minimum}</source>
      <translation>Số người cần có ở mỗi nơi: {minimum}</translation>
    </message>
    <message>
      <source>tiers whose cadres may hold it, comma-separated ({choices}), or none</source>
      <translation>các cấp có cán bộ được giữ vai trò, cách nhau bằng dấu phẩy ({choices}), hoặc none</translation>
    </message>
    <message>
      <source>memberships such a cadre must hold, one of ({choices}), or none</source>
      <translation>tư cách mà cán bộ đó phải có, một trong ({choices}), hoặc none</translation>
    </message>
    <message>
      <source>or memberships that let a cadre of any tier hold it ({choices}), or none</source>
      <translation>hoặc tư cách cho phép cán bộ ở bất kỳ cấp nào giữ vai trò ({choices}), hoặc none</translation>
    </message>
    <message>
      <source>Minimum tenure of an assignment, in months</source>
      <translation>Thời gian phụ trách tối thiểu của một phân công (tháng)</translation>
    </message>
    <message>
      <source>Targets a cadre may hold before the workload is flagged</source>
      <translation>Số nơi một cán bộ phụ trách trước khi bị đánh dấu quá tải</translation>
    </message>
    <message>
      <source>Meeting-free days of each month</source>
      <translation>Ngày hạn chế họp trong tháng</translation>
    </message>
    <message>
      <source>A meeting-free day on a weekend or a day off</source>
      <translation>Ngày hạn chế họp rơi vào cuối tuần hoặc ngày nghỉ</translation>
    </message>
    <message>
      <source>Meetings still allowed on a meeting-free day</source>
      <translation>Các cuộc họp vẫn được tổ chức vào ngày hạn chế họp</translation>
    </message>
    <message>
      <source>Base visits to each target per quarter</source>
      <translation>Số lần xuống cơ sở ở mỗi nơi trong một quý</translation>
    </message>
    <message>
      <source>A {level} has no role '{role}'; its roles: {roles}.</source>
      <translation>{level} không có vai trò '{role}'; các vai trò hiện có: {roles}.</translation>
    </message>
    <message>
      <source>{key} does not allow '{value}'; allowed: {allowed}.</source>
      <translation>{key} không nhận giá trị '{value}'; các giá trị được dùng: {allowed}.</translation>
    </message>
    <message>
      <source>Party meetings a year for every cadre</source>
      <translation>Số buổi sinh hoạt đảng phải dự mỗi năm: mọi cán bộ</translation>
    </message>
    <message>
      <source>The setting {key} takes a whole number, not '{value}'.</source>
      <translation>Cài đặt {key} phải là một số nguyên, không phải '{value}'.</translation>
    </message>
    <message>
      <source>The setting {key} needs at least one day of the month, as 9,15.</source>
      <translation>Cài đặt {key} cần ít nhất một ngày trong tháng, ví dụ 9,15.</translation>
    </message>
    <message>
      <source>An attendance key is attendance.&lt;tier&gt;.&lt;membership&gt;, as attendance.commune.committee; '{key}' is not.</source>
      <translation>Khóa chỉ tiêu dự sinh hoạt có dạng attendance.&lt;cấp&gt;.&lt;tư cách&gt;, ví dụ attendance.commune.committee; '{key}' không đúng dạng đó.</translation>
    </message>
    <message>
      <source>Party meetings a year for a {flag} of the {tier}</source>
      <translation>Số buổi sinh hoạt đảng phải dự mỗi năm: {flag} {tier}</translation>
    </message>
    <message>
      <source>Party meetings a year for a {flag} of any tier</source>
      <translation>Số buổi sinh hoạt đảng phải dự mỗi năm: {flag} ở bất kỳ cấp nào</translation>
    </message>
    <message>
      <source>Party meetings a year for a cadre of the {tier}</source>
      <translation>Số buổi sinh hoạt đảng phải dự mỗi năm: cán bộ {tier}</translation>
    </message>
    <message>
      <source>A grasp rule cannot target a {level}; it can target: {levels}.</source>
      <translation>Quy định phân công không thể áp dụng cho {level}; chỉ áp dụng được cho: {levels}.</translation>
    </message>
    <message>
      <source>A grasp rule of a {level} has no role name.</source>
      <translation>Một quy định phân công của {level} chưa có tên vai trò.</translation>
    </message>
    <message>
      <source>A {level} has the role '{role}' twice.</source>
      <translation>{level} có vai trò '{role}' hai lần.</translation>
    </message>
    <message>
      <source>There is no setting '{key}'; the settings are: {keys}.</source>
      <translation>Không có cài đặt '{key}'; các cài đặt là: {keys}.</translation>
    </message>
    <message>
      <source>The setting {key} refuses '{value}': {reason}</source>
      <translation>Cài đặt {key} không nhận '{value}': {reason}</translation>
    </message>
    <message>
      <source>{first}, or {second}</source>
      <translation>{first}, hoặc {second}</translation>
    </message>
    <message>
      <source>{tier}, {flags}</source>
      <translation>{tier}, {flags}</translation>
    </message>
    <message>
      <source>{name} cannot hold the role '{role}': the rule for a {level} allows only {holders} (at least {minimum} required). {name}: {cadre}.</source>
      <translation>{name} không thể giữ vai trò '{role}': quy định cho {level} chỉ cho phép {holders} (cần ít nhất {minimum} người). {name}: {cadre}.</translation>
    </message>
    <message>
      <source>The role '{role}' asks for {minimum} cadres; at most {most} can be required.</source>
      <translation>Vai trò '{role}' đòi hỏi {minimum} cán bộ; chỉ được đòi hỏi tối đa {most}.</translation>
    </message>
    <message>
      <source>The role '{role}' names no tier and no membership of any tier: nobody could hold it.</source>
      <translation>Vai trò '{role}' không nêu cấp nào, cũng không nêu tư cách nào ở bất kỳ cấp nào: không ai có thể giữ vai trò này.</translation>
    </message>
    <message>
      <source>a {flags} of the {tiers}</source>
      <translation>một {flags} {tiers}</translation>
    </message>
    <message>
      <source>a {flags} of any tier</source>
      <translation>một {flags} ở bất kỳ cấp nào</translation>
    </message>
    <message>
      <source>a cadre of the {tiers}</source>
      <translation>một cán bộ {tiers}</translation>
    </message>
    <message>
      <source>The hierarchy model of a database cannot be changed here.</source>
      <translation>Không thể đổi mô hình tổ chức của cơ sở dữ liệu ở đây.</translation>
    </message>
    <message>
      <source>The role '{role}' of a {level} cannot be removed: {count} cadres still hold it. End their assignments first.</source>
      <translation>Không thể bỏ vai trò '{role}' của {level}: {count} cán bộ vẫn đang giữ vai trò này. Hãy kết thúc các phân công đó trước.</translation>
    </message>
    <message>
      <source>The workload threshold must be between 1 and {most}.</source>
      <translation>Ngưỡng khối lượng phụ trách phải từ 1 đến {most}.</translation>
    </message>
    <message>
      <source>&amp;Add a role</source>
      <translation>&amp;Thêm vai trò</translation>
    </message>
    <message>
      <source>&amp;Remove the role</source>
      <translation>&amp;Bỏ vai trò</translation>
    </message>
    <message>
      <source>Level</source>
      <translation>Cấp địa bàn</translation>
    </message>
    <message>
      <source>Cadres of the tiers</source>
      <translation>Cán bộ thuộc cấp</translation>
    </message>
    <message>
      <source>…holding one of</source>
      <translation>…và là một trong</translation>
    </message>
    <message>
      <source>Or of any tier, holding one of</source>
      <translation>Hoặc ở bất kỳ cấp nào, nếu là một trong</translation>
    </message>
    <message>
      <source>Required on each</source>
      <translation>Số người cần có ở mỗi nơi</translation>
    </message>
    <message>
      <source>Who may hold it</source>
      <translation>Ai được giữ</translation>
    </message>
    <message>
      <source>any tier</source>
      <translation>mọi cấp</translation>
    </message>
    <message>
      <source>any membership</source>
      <translation>mọi tư cách</translation>
    </message>
    <message>
      <source>Settings</source>
      <translation>Cài đặt</translation>
    </message>
    <message>
      <source>Meeting-free days</source>
      <translation>Ngày hạn chế họp</translation>
    </message>
    <message>
      <source>Attendance targets</source>
      <translation>Chỉ tiêu dự sinh hoạt</translation>
    </message>
    <message>
      <source>Grasp rules</source>
      <translation>Quy định phân công</translation>
    </message>
    <message>
      <source> months</source>
      <translation> tháng</translation>
    </message>
    <message>
      <source>Minimum tenure of an assignment</source>
      <translation>Thời gian phụ trách tối thiểu</translation>
    </message>
    <message>
      <source>Days of the month, separated by commas: 9, 15</source>
      <translation>Các ngày trong tháng, cách nhau bằng dấu phẩy: 9, 15</translation>
    </message>
    <message>
      <source>When one falls on a weekend or a day off</source>
      <translation>Khi rơi vào cuối tuần hoặc ngày nghỉ</translation>
    </message>
    <message>
      <source>Meetings still allowed on those days</source>
      <translation>Các cuộc họp vẫn được tổ chức vào những ngày này</translation>
    </message>
    <message>
      <source>Membership</source>
      <translation>Tư cách</translation>
    </message>
    <message>
      <source>Meetings a year</source>
      <translation>Số buổi mỗi năm</translation>
    </message>
    <message>
      <source>Add a &amp;target</source>
      <translation>Thêm &amp;chỉ tiêu</translation>
    </message>
    <message>
      <source>Remove the t&amp;arget</source>
      <translation>Bỏ c&amp;hỉ tiêu</translation>
    </message>
    <message>
      <source>Party meetings a year each cadre must attend; the highest target that fits a cadre counts.</source>
      <translation>Số buổi sinh hoạt đảng mỗi cán bộ phải dự trong một năm; nếu nhiều chỉ tiêu cùng áp dụng cho một cán bộ thì lấy chỉ tiêu cao nhất.</translation>
    </message>
    <message>
      <source>Change the settings</source>
      <translation>Đổi cài đặt</translation>
    </message>
    <message>
      <source>&amp;Settings…</source>
      <translation>&amp;Cài đặt…</translation>
    </message>
    <message>
      <source>The report has changes that are not saved. Save them before leaving?</source>
      <translation>Báo cáo có thay đổi chưa được lưu. Lưu lại trước khi rời đi?</translation>
    </message>
    <message>
      <source>{text} is not a date: month {month}/{year} has {count} days.</source>
      <translation>{text} không phải là một ngày: tháng {month}/{year} chỉ có {count} ngày.</translation>
    </message>
    <message>
      <source>Type part of the commune's name (accents optional)</source>
      <translation>Gõ một phần tên xã (có dấu hay không dấu đều được)</translation>
    </message>
    <message>
      <source>This assignment ends on the day the cadre leaves:</source>
      <translation>Phân công sau đây kết thúc vào ngày cán bộ nghỉ:</translation>
    </message>
    <message>
      <source>UTF-8 mode</source>
      <translation>Chế độ UTF-8</translation>
    </message>
    <message>
      <source>the frozen program is not in Python's UTF-8 mode</source>
      <translation>chương trình đã đóng gói không chạy ở chế độ UTF-8 của Python</translation>
    </message>
    <message>
      <source>UTF-8 mode {mode}; standard output in {encoding}</source>
      <translation>chế độ UTF-8 {mode}; đầu ra chuẩn dùng {encoding}</translation>
    </message>
    <message>
      <source>Unexpected error after the command had saved its change: the change is in the database, but what came after it (such as printing the result) was not completed. The details are in the log file {path}.</source>
      <translation>Lỗi ngoài dự kiến sau khi lệnh đã lưu thay đổi: thay đổi đã có trong cơ sở dữ liệu, nhưng phần việc sau đó (như in kết quả) chưa xong. Chi tiết có trong tệp nhật ký {path}.</translation>
    </message>
    <message>
      <source>'{name}' cannot be a file name on Windows: it holds one of \ / : * ? " &lt; &gt; | or a control character, ends in a dot or a space, or is a device name such as CON or NUL. Choose another name.</source>
      <translation>'{name}' không dùng được làm tên tệp trên Windows: tên có một trong các ký tự \ / : * ? " &lt; &gt; | hoặc một ký tự điều khiển, kết thúc bằng dấu chấm hay dấu cách, hoặc là tên thiết bị như CON hay NUL. Hãy chọn tên khác.</translation>
    </message>
    <message>
      <source>the disk is full</source>
      <translation>ổ đĩa đã đầy</translation>
    </message>
    <message>
      <source>Error: the output could not be written ({reason}). Nothing was changed.</source>
      <translation>Lỗi: không ghi được kết quả của lệnh ({reason}). Chưa có gì bị thay đổi.</translation>
    </message>
    <message>
      <source>Merges</source>
      <translation>Sáp nhập</translation>
    </message>
    <message>
      <source>{day}: {source} merged into {target}</source>
      <translation>{day}: {source} sáp nhập vào {target}</translation>
    </message>
    <message>
      <source>{merge} — {note}</source>
      <translation>{merge} — {note}</translation>
    </message>
    <message>
      <source>added</source>
      <translation>thêm</translation>
    </message>
    <message>
      <source>removed</source>
      <translation>xóa</translation>
    </message>
    <message>
      <source>a shared PostgreSQL server: set it up, load an office, manage clerks</source>
      <translation>máy chủ PostgreSQL dùng chung: thiết lập, nạp dữ liệu của một văn phòng, quản lý người dùng</translation>
    </message>
    <message>
      <source>create the schema, roles and row security on an empty server database</source>
      <translation>tạo lược đồ, vai trò và bảo mật theo dòng trên cơ sở dữ liệu trống của máy chủ</translation>
    </message>
    <message>
      <source>load an office's database file into the server (one transaction, ids kept)</source>
      <translation>nạp tệp cơ sở dữ liệu của một văn phòng lên máy chủ (một giao dịch, giữ nguyên mã định danh)</translation>
    </message>
    <message>
      <source>make a clerk's login with the units they are responsible for</source>
      <translation>tạo tài khoản cho một người dùng, với các đơn vị người đó phụ trách</translation>
    </message>
    <message>
      <source>list the clerks and their scopes</source>
      <translation>liệt kê người dùng và phạm vi của từng người</translation>
    </message>
    <message>
      <source>stop a clerk's login (the audit keeps their changes)</source>
      <translation>khóa tài khoản của một người dùng (nhật ký thay đổi vẫn giữ những gì người đó đã làm)</translation>
    </message>
    <message>
      <source>who changed what, when, on a shared server (newest first)</source>
      <translation>ai đã thay đổi gì, vào lúc nào, trên máy chủ dùng chung (mới nhất trước)</translation>
    </message>
    <message>
      <source>read only</source>
      <translation>chỉ đọc</translation>
    </message>
    <message>
      <source>reads and writes</source>
      <translation>đọc và ghi</translation>
    </message>
    <message>
      <source>The same password again: </source>
      <translation>Nhập lại mật khẩu: </translation>
    </message>
    <message>
      <source>manages clerks</source>
      <translation>quản lý người dùng</translation>
    </message>
    <message>
      <source>disabled</source>
      <translation>đã khóa</translation>
    </message>
    <message>
      <source>Password for {login}: </source>
      <translation>Mật khẩu của {login}: </translation>
    </message>
    <message>
      <source>No clerks yet.</source>
      <translation>Chưa có người dùng nào.</translation>
    </message>
    <message>
      <source>No changes are recorded for this choice.</source>
      <translation>Không có thay đổi nào được ghi nhận theo lựa chọn này.</translation>
    </message>
    <message>
      <source>the administrator's URL of the server's database, e.g. postgresql+psycopg://postgres@localhost/grassroots (the password from PGPASSWORD, or in the URL)</source>
      <translation>địa chỉ URL của quản trị viên tới cơ sở dữ liệu trên máy chủ, ví dụ postgresql+psycopg://postgres@localhost/grassroots (mật khẩu lấy từ PGPASSWORD, hoặc ghi trong URL)</translation>
    </message>
    <message>
      <source>the office's .sqlite file</source>
      <translation>tệp .sqlite của văn phòng</translation>
    </message>
    <message>
      <source>the clerk's login: lower-case letters, digits and _</source>
      <translation>tên đăng nhập của người dùng: chữ thường, chữ số và _</translation>
    </message>
    <message>
      <source>a unit (id, code or path) whose subtree the clerk works on; repeat for more</source>
      <translation>một đơn vị (mã định danh, mã hành chính hoặc đường dẫn) mà người dùng làm việc trên toàn bộ cấp dưới của nó; lặp lại để thêm đơn vị</translation>
    </message>
    <message>
      <source>the clerk may only read</source>
      <translation>người dùng chỉ được đọc</translation>
    </message>
    <message>
      <source>the clerk may make and disable clerks inside their own scope</source>
      <translation>người dùng được tạo và khóa tài khoản người khác trong phạm vi của mình</translation>
    </message>
    <message>
      <source>read the password from one line of standard input instead of a prompt</source>
      <translation>đọc mật khẩu từ một dòng của đầu vào chuẩn thay vì hỏi</translation>
    </message>
    <message>
      <source>the clerk's login</source>
      <translation>tên đăng nhập của người dùng</translation>
    </message>
    <message>
      <source>only changes at or below this unit</source>
      <translation>chỉ các thay đổi tại đơn vị này hoặc cấp dưới</translation>
    </message>
    <message>
      <source>only changes made by this login</source>
      <translation>chỉ các thay đổi do tài khoản này thực hiện</translation>
    </message>
    <message>
      <source>from this day (YYYY-MM-DD)</source>
      <translation>từ ngày này (YYYY-MM-DD)</translation>
    </message>
    <message>
      <source>up to and including this day</source>
      <translation>đến hết ngày này</translation>
    </message>
    <message>
      <source>at most this many</source>
      <translation>nhiều nhất bấy nhiêu dòng</translation>
    </message>
    <message>
      <source>Loaded {file} into {url}, ids kept:</source>
      <translation>Đã nạp {file} vào {url}, giữ nguyên mã định danh:</translation>
    </message>
    <message>
      <source>Clerk {login} can no longer log in.</source>
      <translation>Người dùng {login} không còn đăng nhập được nữa.</translation>
    </message>
    <message>
      <source>The server's database is set up for clerks: {url}</source>
      <translation>Cơ sở dữ liệu trên máy chủ đã sẵn sàng cho người dùng: {url}</translation>
    </message>
    <message>
      <source>Clerk {login} added, scope: {scope}</source>
      <translation>Đã thêm người dùng {login}, phạm vi: {scope}</translation>
    </message>
    <message>
      <source>Your login on '{path}' may not make this change: it lies outside the part of the tree you are responsible for, or your login may only read. Nothing was changed.</source>
      <translation>Tài khoản của bạn trên '{path}' không được thực hiện thay đổi này: nó nằm ngoài phần địa bàn bạn phụ trách, hoặc tài khoản của bạn chỉ được đọc. Chưa có gì bị thay đổi.</translation>
    </message>
    <message>
      <source>The server '{path}' refused the login: the login name or the password is wrong, or the login has been disabled.</source>
      <translation>Máy chủ '{path}' từ chối đăng nhập: tên đăng nhập hoặc mật khẩu không đúng, hoặc tài khoản đã bị khóa.</translation>
    </message>
    <message>
      <source>Cannot reach the server '{path}': check the address and the network, or ask whoever runs the server whether it is up. Nothing was changed.</source>
      <translation>Không kết nối được tới máy chủ '{path}': hãy kiểm tra địa chỉ và mạng, hoặc hỏi người quản lý máy chủ xem máy chủ có đang chạy không. Chưa có gì bị thay đổi.</translation>
    </message>
    <message>
      <source>'{url}' is not a PostgreSQL server: the server commands need a URL such as postgresql+psycopg://admin@host/database.</source>
      <translation>'{url}' không phải là máy chủ PostgreSQL: các lệnh máy chủ cần một URL dạng postgresql+psycopg://admin@host/database.</translation>
    </message>
    <message>
      <source>The database '{url}' is not set up for clerks yet: run 'grassroots server init' on it first.</source>
      <translation>Cơ sở dữ liệu '{url}' chưa được thiết lập cho người dùng: hãy chạy 'grassroots server init' trên nó trước.</translation>
    </message>
    <message>
      <source>The server's database already holds {count} units: an office's file is loaded only into an empty one. Nothing was changed.</source>
      <translation>Cơ sở dữ liệu trên máy chủ đã có {count} đơn vị: chỉ nạp tệp của một văn phòng vào cơ sở dữ liệu trống. Chưa có gì bị thay đổi.</translation>
    </message>
    <message>
      <source>Only the administrator, or a clerk who manages clerks, may do this. Nothing was changed.</source>
      <translation>Chỉ quản trị viên, hoặc người dùng được giao quản lý người dùng, mới được làm việc này. Chưa có gì bị thay đổi.</translation>
    </message>
    <message>
      <source>A clerk may be given only units inside your own scope, and no more than you may do there. Nothing was changed.</source>
      <translation>Chỉ được giao cho người dùng các đơn vị trong phạm vi của chính bạn, và không nhiều quyền hơn bạn có ở đó. Chưa có gì bị thay đổi.</translation>
    </message>
    <message>
      <source>A clerk needs at least one unit as their scope (--scope). Nothing was changed.</source>
      <translation>Người dùng cần ít nhất một đơn vị làm phạm vi (--scope). Chưa có gì bị thay đổi.</translation>
    </message>
    <message>
      <source>A unit of the scope does not exist on the server. Nothing was changed.</source>
      <translation>Một đơn vị của phạm vi không có trên máy chủ. Chưa có gì bị thay đổi.</translation>
    </message>
    <message>
      <source>'{login}' cannot be a login: use lower-case letters without accents, digits and '_', starting with a letter (at most 63). Nothing was changed.</source>
      <translation>'{login}' không thể là tên đăng nhập: hãy dùng chữ thường không dấu, chữ số và '_', bắt đầu bằng một chữ cái (tối đa 63 ký tự). Chưa có gì bị thay đổi.</translation>
    </message>
    <message>
      <source>The login '{login}' already exists on the server. Nothing was changed.</source>
      <translation>Tên đăng nhập '{login}' đã có trên máy chủ. Chưa có gì bị thay đổi.</translation>
    </message>
    <message>
      <source>No clerk has the login '{login}'. Nothing was changed.</source>
      <translation>Không có người dùng nào có tên đăng nhập '{login}'. Chưa có gì bị thay đổi.</translation>
    </message>
    <message>
      <source>A clerk's password may not be empty. Nothing was changed.</source>
      <translation>Mật khẩu của người dùng không được để trống. Chưa có gì bị thay đổi.</translation>
    </message>
    <message>
      <source>Fill in the server's {field}.</source>
      <translation>Hãy điền {field} của máy chủ.</translation>
    </message>
    <message>
      <source>The port must be a whole number from 1 to 65535, such as 5432.</source>
      <translation>Cổng phải là một số nguyên từ 1 đến 65535, ví dụ 5432.</translation>
    </message>
    <message>
      <source>Checking the server's certificate needs the file of the root certificate that signed it.</source>
      <translation>Muốn kiểm tra chứng chỉ của máy chủ thì cần tệp chứng chỉ gốc đã ký chứng chỉ đó.</translation>
    </message>
    <message>
      <source>address</source>
      <translation>địa chỉ</translation>
    </message>
    <message>
      <source>database</source>
      <translation>tên cơ sở dữ liệu</translation>
    </message>
    <message>
      <source>login</source>
      <translation>tên đăng nhập</translation>
    </message>
    <message>
      <source>Unknown TLS mode '{mode}'.</source>
      <translation>Không có chế độ TLS '{mode}'.</translation>
    </message>
    <message>
      <source>&amp;Connect to a server…</source>
      <translation>Kết nối máy c&amp;hủ…</translation>
    </message>
    <message>
      <source>Re&amp;fresh</source>
      <translation>&amp;Làm mới</translation>
    </message>
    <message>
      <source>Read everything shown again from the database, with others' changes</source>
      <translation>Đọc lại từ cơ sở dữ liệu mọi thứ đang hiển thị, cùng các thay đổi của người khác</translation>
    </message>
    <message>
      <source>&amp;History of changes of the unit…</source>
      <translation>Lịch sử thay đổi của đơn &amp;vị…</translation>
    </message>
    <message>
      <source>History of changes of the &amp;cadre…</source>
      <translation>Lịch sử thay đổi của cán &amp;bộ…</translation>
    </message>
    <message>
      <source>{login} — {scope}</source>
      <translation>{login} — {scope}</translation>
    </message>
    <message>
      <source>{scope} (read-only)</source>
      <translation>{scope} (chỉ đọc)</translation>
    </message>
    <message>
      <source>Use TLS when the server offers it</source>
      <translation>Dùng TLS khi máy chủ hỗ trợ</translation>
    </message>
    <message>
      <source>Always use TLS</source>
      <translation>Luôn dùng TLS</translation>
    </message>
    <message>
      <source>Always use TLS and check the server's certificate</source>
      <translation>Luôn dùng TLS và kiểm tra chứng chỉ của máy chủ</translation>
    </message>
    <message>
      <source>Connect to a server</source>
      <translation>Kết nối máy chủ</translation>
    </message>
    <message>
      <source>Choose…</source>
      <translation>Chọn…</translation>
    </message>
    <message>
      <source>Server address</source>
      <translation>Địa chỉ máy chủ</translation>
    </message>
    <message>
      <source>Port</source>
      <translation>Cổng</translation>
    </message>
    <message>
      <source>Database</source>
      <translation>Cơ sở dữ liệu</translation>
    </message>
    <message>
      <source>Login</source>
      <translation>Tên đăng nhập</translation>
    </message>
    <message>
      <source>Password</source>
      <translation>Mật khẩu</translation>
    </message>
    <message>
      <source>TLS</source>
      <translation>TLS</translation>
    </message>
    <message>
      <source>Root certificate</source>
      <translation>Chứng chỉ gốc</translation>
    </message>
    <message>
      <source>Certificates (*.crt *.pem);;All files (*)</source>
      <translation>Chứng chỉ (*.crt *.pem);;Mọi tệp (*)</translation>
    </message>
    <message>
      <source>Only a shared server keeps the history of changes; a database file does not.</source>
      <translation>Chỉ máy chủ dùng chung mới lưu lịch sử thay đổi; tệp cơ sở dữ liệu thì không.</translation>
    </message>
    <message>
      <source>Action</source>
      <translation>Thao tác</translation>
    </message>
    <message>
      <source>Record</source>
      <translation>Bản ghi</translation>
    </message>
    <message>
      <source>What changed</source>
      <translation>Nội dung thay đổi</translation>
    </message>
    <message>
      <source>Added</source>
      <translation>Đã thêm</translation>
    </message>
    <message>
      <source>Changed</source>
      <translation>Đã sửa</translation>
    </message>
    <message>
      <source>Deleted</source>
      <translation>Đã xóa</translation>
    </message>
    <message>
      <source>Unit's place in the tree</source>
      <translation>Vị trí của đơn vị trong cây</translation>
    </message>
    <message>
      <source>Commune of a cluster</source>
      <translation>Xã thuộc cụm</translation>
    </message>
    <message>
      <source>Assignment</source>
      <translation>Phân công</translation>
    </message>
    <message>
      <source>Meeting</source>
      <translation>Cuộc họp</translation>
    </message>
    <message>
      <source>Field activity</source>
      <translation>Hoạt động cơ sở</translation>
    </message>
    <message>
      <source>Reading the history…</source>
      <translation>Đang đọc lịch sử…</translation>
    </message>
    <message>
      <source>History of changes — {name}</source>
      <translation>Lịch sử thay đổi — {name}</translation>
    </message>
    <message>
      <source>{count} changes, the newest first.</source>
      <translation>{count} thay đổi, mới nhất trước.</translation>
    </message>
    <message>
      <source>a server's URL is needed</source>
      <translation>cần có URL của máy chủ</translation>
    </message>
    <message>
      <source>a server's URL cannot hold control characters</source>
      <translation>URL của máy chủ không được chứa ký tự điều khiển</translation>
    </message>
    <message>
      <source>No terminal to type the password at: give it on standard input with --password-stdin. Nothing was changed.</source>
      <translation>Không có cửa sổ dòng lệnh để gõ mật khẩu: hãy đưa mật khẩu qua đầu vào chuẩn với --password-stdin. Chưa có gì bị thay đổi.</translation>
    </message>
    <message>
      <source>The two passwords differ. Nothing was changed.</source>
      <translation>Hai lần nhập mật khẩu không giống nhau. Chưa có gì bị thay đổi.</translation>
    </message>
    <message>
      <source>The password could not be read from standard input. Nothing was changed.</source>
      <translation>Không đọc được mật khẩu từ đầu vào chuẩn. Chưa có gì bị thay đổi.</translation>
    </message>
    <message>
      <source>This computer's credential store did not answer ({reason}): the password was neither kept nor read there. Type it in each time.</source>
      <translation>Kho lưu thông tin đăng nhập của máy tính này không phản hồi ({reason}): mật khẩu không được lưu vào hay đọc từ đó. Vui lòng nhập mật khẩu mỗi lần đăng nhập.</translation>
    </message>
    <message>
      <source>This computer has no credential store Grassroots can use (on Linux: a Secret Service such as GNOME Keyring or KWallet): the password is asked for each time.</source>
      <translation>Máy tính này không có kho lưu thông tin đăng nhập mà Grassroots sử dụng được (trên Linux: một dịch vụ Secret Service như GNOME Keyring hoặc KWallet): mật khẩu sẽ được hỏi mỗi lần đăng nhập.</translation>
    </message>
    <message>
      <source>Remember the password on this computer</source>
      <translation>Ghi nhớ mật khẩu trên máy tính này</translation>
    </message>
    <message>
      <source>Connecting to the server…</source>
      <translation>Đang kết nối tới máy chủ…</translation>
    </message>
    <message>
      <source>Credential store</source>
      <translation>Kho lưu thông tin đăng nhập</translation>
    </message>
  </context>
  <context>
    <name>QPlatformTheme</name>
    <message>
      <source>OK</source>
      <translation>Đồng ý</translation>
    </message>
    <message>
      <source>Save</source>
      <translation>Lưu</translation>
    </message>
    <message>
      <source>Save All</source>
      <translation>Lưu tất cả</translation>
    </message>
    <message>
      <source>Open</source>
      <translation>Mở</translation>
    </message>
    <message>
      <source>&amp;Yes</source>
      <translation>&amp;Có</translation>
    </message>
    <message>
      <source>Yes to &amp;All</source>
      <translation>Có với tất &amp;cả</translation>
    </message>
    <message>
      <source>&amp;No</source>
      <translation>&amp;Không</translation>
    </message>
    <message>
      <source>N&amp;o to All</source>
      <translation>Khô&amp;ng với tất cả</translation>
    </message>
    <message>
      <source>Abort</source>
      <translation>Hủy bỏ</translation>
    </message>
    <message>
      <source>Retry</source>
      <translation>Thử lại</translation>
    </message>
    <message>
      <source>Ignore</source>
      <translation>Bỏ qua</translation>
    </message>
    <message>
      <source>Close</source>
      <translation>Đóng</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>Hủy</translation>
    </message>
    <message>
      <source>Discard</source>
      <translation>Không lưu</translation>
    </message>
    <message>
      <source>Help</source>
      <translation>Trợ giúp</translation>
    </message>
    <message>
      <source>Apply</source>
      <translation>Áp dụng</translation>
    </message>
    <message>
      <source>Reset</source>
      <translation>Đặt lại</translation>
    </message>
    <message>
      <source>Restore Defaults</source>
      <translation>Khôi phục mặc định</translation>
    </message>
  </context>
  <context>
    <name>QGnomeTheme</name>
    <message>
      <source>&amp;OK</source>
      <translation>Đồn&amp;g ý</translation>
    </message>
    <message>
      <source>&amp;Save</source>
      <translation>&amp;Lưu</translation>
    </message>
    <message>
      <source>&amp;Cancel</source>
      <translation>&amp;Hủy</translation>
    </message>
    <message>
      <source>&amp;Close</source>
      <translation>Đón&amp;g</translation>
    </message>
    <message>
      <source>Close without Saving</source>
      <translation>Đóng không lưu</translation>
    </message>
  </context>
  <context>
    <name>QDialogButtonBox</name>
    <message>
      <source>OK</source>
      <translation>Đồng ý</translation>
    </message>
    <message>
      <source>Save</source>
      <translation>Lưu</translation>
    </message>
    <message>
      <source>Save All</source>
      <translation>Lưu tất cả</translation>
    </message>
    <message>
      <source>Open</source>
      <translation>Mở</translation>
    </message>
    <message>
      <source>&amp;Yes</source>
      <translation>&amp;Có</translation>
    </message>
    <message>
      <source>Yes to &amp;All</source>
      <translation>Có với tất &amp;cả</translation>
    </message>
    <message>
      <source>&amp;No</source>
      <translation>&amp;Không</translation>
    </message>
    <message>
      <source>N&amp;o to All</source>
      <translation>Khô&amp;ng với tất cả</translation>
    </message>
    <message>
      <source>Abort</source>
      <translation>Hủy bỏ</translation>
    </message>
    <message>
      <source>Retry</source>
      <translation>Thử lại</translation>
    </message>
    <message>
      <source>Ignore</source>
      <translation>Bỏ qua</translation>
    </message>
    <message>
      <source>Close</source>
      <translation>Đóng</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>Hủy</translation>
    </message>
    <message>
      <source>Discard</source>
      <translation>Không lưu</translation>
    </message>
    <message>
      <source>Help</source>
      <translation>Trợ giúp</translation>
    </message>
    <message>
      <source>Apply</source>
      <translation>Áp dụng</translation>
    </message>
    <message>
      <source>Reset</source>
      <translation>Đặt lại</translation>
    </message>
    <message>
      <source>Restore Defaults</source>
      <translation>Khôi phục mặc định</translation>
    </message>
    <message>
      <source>&amp;OK</source>
      <translation>Đồn&amp;g ý</translation>
    </message>
    <message>
      <source>&amp;Save</source>
      <translation>&amp;Lưu</translation>
    </message>
    <message>
      <source>&amp;Cancel</source>
      <translation>&amp;Hủy</translation>
    </message>
    <message>
      <source>&amp;Close</source>
      <translation>Đón&amp;g</translation>
    </message>
    <message>
      <source>Close without Saving</source>
      <translation>Đóng không lưu</translation>
    </message>
    <message>
      <source>Don't Save</source>
      <translation>Không lưu</translation>
    </message>
  </context>
  <context>
    <name>QMessageBox</name>
    <message>
      <source>OK</source>
      <translation>Đồng ý</translation>
    </message>
    <message>
      <source>Help</source>
      <translation>Trợ giúp</translation>
    </message>
    <message>
      <source>Show Details...</source>
      <translation>Xem chi tiết...</translation>
    </message>
    <message>
      <source>Hide Details...</source>
      <translation>Ẩn chi tiết...</translation>
    </message>
    <message>
      <source>About Qt</source>
      <translation>Giới thiệu về Qt</translation>
    </message>
  </context>
  <context>
    <name>QLineEdit</name>
    <message>
      <source>&amp;Undo</source>
      <translation>&amp;Hoàn tác</translation>
    </message>
    <message>
      <source>&amp;Redo</source>
      <translation>&amp;Làm lại</translation>
    </message>
    <message>
      <source>Cu&amp;t</source>
      <translation>&amp;Cắt</translation>
    </message>
    <message>
      <source>&amp;Copy</source>
      <translation>&amp;Sao chép</translation>
    </message>
    <message>
      <source>&amp;Paste</source>
      <translation>&amp;Dán</translation>
    </message>
    <message>
      <source>Delete</source>
      <translation>Xóa</translation>
    </message>
    <message>
      <source>Select All</source>
      <translation>Chọn tất cả</translation>
    </message>
  </context>
  <context>
    <name>QWidgetTextControl</name>
    <message>
      <source>&amp;Undo</source>
      <translation>&amp;Hoàn tác</translation>
    </message>
    <message>
      <source>&amp;Redo</source>
      <translation>&amp;Làm lại</translation>
    </message>
    <message>
      <source>Cu&amp;t</source>
      <translation>&amp;Cắt</translation>
    </message>
    <message>
      <source>&amp;Copy</source>
      <translation>&amp;Sao chép</translation>
    </message>
    <message>
      <source>&amp;Paste</source>
      <translation>&amp;Dán</translation>
    </message>
    <message>
      <source>Delete</source>
      <translation>Xóa</translation>
    </message>
    <message>
      <source>Select All</source>
      <translation>Chọn tất cả</translation>
    </message>
    <message>
      <source>Copy &amp;Link Location</source>
      <translation>Sao chép địa chỉ &amp;liên kết</translation>
    </message>
  </context>
  <context>
    <name>QAbstractSpinBox</name>
    <message>
      <source>&amp;Select All</source>
      <translation>Chọn &amp;tất cả</translation>
    </message>
    <message>
      <source>&amp;Step up</source>
      <translation>&amp;Tăng</translation>
    </message>
    <message>
      <source>Step &amp;down</source>
      <translation>&amp;Giảm</translation>
    </message>
  </context>
  <context>
    <name>QFileDialog</name>
    <message>
      <source>%1
Directory not found.
Please verify the correct directory name was given.</source>
      <translation>%1
Không tìm thấy thư mục.
Hãy kiểm tra lại tên thư mục.</translation>
    </message>
    <message>
      <source>%1
File not found.
Please verify the correct file name was given.</source>
      <translation>%1
Không tìm thấy tệp.
Hãy kiểm tra lại tên tệp.</translation>
    </message>
    <message>
      <source>%1 already exists.
Do you want to replace it?</source>
      <translation>%1 đã có.
Bạn có muốn thay thế tệp đó không?</translation>
    </message>
    <message>
      <source>&amp;Choose</source>
      <translation>&amp;Chọn</translation>
    </message>
    <message>
      <source>&amp;Delete</source>
      <translation>&amp;Xóa</translation>
    </message>
    <message>
      <source>&amp;Look in:</source>
      <translation>Tìm &amp;trong:</translation>
    </message>
    <message>
      <source>&amp;New Folder</source>
      <translation>Thư mục &amp;mới</translation>
    </message>
    <message>
      <source>&amp;Open</source>
      <translation>&amp;Mở</translation>
    </message>
    <message>
      <source>&amp;Rename</source>
      <translation>Đổi &amp;tên</translation>
    </message>
    <message>
      <source>&amp;Save</source>
      <translation>&amp;Lưu</translation>
    </message>
    <message>
      <source>'%1' is write protected.
Do you want to delete it anyway?</source>
      <translation>'%1' đang được bảo vệ chống ghi.
Bạn vẫn muốn xóa?</translation>
    </message>
    <message>
      <source>All Files (*)</source>
      <translation>Mọi tệp (*)</translation>
    </message>
    <message>
      <source>All files (*)</source>
      <translation>Mọi tệp (*)</translation>
    </message>
    <message>
      <source>Alt+Left</source>
      <translation>Alt+Left</translation>
    </message>
    <message>
      <source>Alt+Right</source>
      <translation>Alt+Right</translation>
    </message>
    <message>
      <source>Alt+Up</source>
      <translation>Alt+Up</translation>
    </message>
    <message>
      <source>Are you sure you want to delete '%1'?</source>
      <translation>Bạn có chắc muốn xóa '%1'?</translation>
    </message>
    <message>
      <source>Back</source>
      <translation>Quay lại</translation>
    </message>
    <message>
      <source>Change to detail view mode</source>
      <translation>Chuyển sang xem chi tiết</translation>
    </message>
    <message>
      <source>Change to list view mode</source>
      <translation>Chuyển sang xem danh sách</translation>
    </message>
    <message>
      <source>Could not delete directory.</source>
      <translation>Không xóa được thư mục.</translation>
    </message>
    <message>
      <source>Create New Folder</source>
      <translation>Tạo thư mục mới</translation>
    </message>
    <message>
      <source>Create a New Folder</source>
      <translation>Tạo một thư mục mới</translation>
    </message>
    <message>
      <source>Delete</source>
      <translation>Xóa</translation>
    </message>
    <message>
      <source>Detail View</source>
      <translation>Xem chi tiết</translation>
    </message>
    <message>
      <source>Directories</source>
      <translation>Thư mục</translation>
    </message>
    <message>
      <source>Directory:</source>
      <translation>Thư mục:</translation>
    </message>
    <message>
      <source>File &amp;name:</source>
      <translation>&amp;Tên tệp:</translation>
    </message>
    <message>
      <source>Files</source>
      <translation>Tệp</translation>
    </message>
    <message>
      <source>Files of &amp;type:</source>
      <translation>&amp;Loại tệp:</translation>
    </message>
    <message>
      <source>Find Directory</source>
      <translation>Tìm thư mục</translation>
    </message>
    <message>
      <source>Forward</source>
      <translation>Tiến tới</translation>
    </message>
    <message>
      <source>Go back</source>
      <translation>Quay lại</translation>
    </message>
    <message>
      <source>Go forward</source>
      <translation>Tiến tới</translation>
    </message>
    <message>
      <source>Go to the parent directory</source>
      <translation>Lên thư mục cha</translation>
    </message>
    <message>
      <source>List View</source>
      <translation>Xem danh sách</translation>
    </message>
    <message>
      <source>List of places and bookmarks</source>
      <translation>Danh sách vị trí và dấu trang</translation>
    </message>
    <message>
      <source>New Folder</source>
      <translation>Thư mục mới</translation>
    </message>
    <message>
      <source>Open</source>
      <translation>Mở</translation>
    </message>
    <message>
      <source>Parent Directory</source>
      <translation>Thư mục cha</translation>
    </message>
    <message>
      <source>Recent Places</source>
      <translation>Vị trí gần đây</translation>
    </message>
    <message>
      <source>Remove</source>
      <translation>Gỡ bỏ</translation>
    </message>
    <message>
      <source>Save As</source>
      <translation>Lưu thành</translation>
    </message>
    <message>
      <source>Show </source>
      <translation>Hiện </translation>
    </message>
    <message>
      <source>Show &amp;hidden files</source>
      <translation>Hiện tệp ẩ&amp;n</translation>
    </message>
    <message>
      <source>Sidebar</source>
      <translation>Thanh bên</translation>
    </message>
  </context>
  <context>
    <name>QFileSystemModel</name>
    <message>
      <source>Computer</source>
      <translation>Máy tính</translation>
    </message>
    <message>
      <source>Date Modified</source>
      <translation>Ngày sửa đổi</translation>
    </message>
    <message>
      <source>Kind</source>
      <translation>Loại</translation>
    </message>
    <message>
      <source>My Computer</source>
      <translation>Máy tính của tôi</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>Tên</translation>
    </message>
    <message>
      <source>Size</source>
      <translation>Kích thước</translation>
    </message>
    <message>
      <source>Type</source>
      <translation>Loại</translation>
    </message>
  </context>
  <context>
    <name>QAbstractFileIconProvider</name>
    <message>
      <source>Alias</source>
      <translation>Bí danh</translation>
    </message>
    <message>
      <source>Drive</source>
      <translation>Ổ đĩa</translation>
    </message>
    <message>
      <source>File</source>
      <translation>Tệp</translation>
    </message>
    <message>
      <source>File Folder</source>
      <translation>Thư mục tệp</translation>
    </message>
    <message>
      <source>Folder</source>
      <translation>Thư mục</translation>
    </message>
    <message>
      <source>Shortcut</source>
      <translation>Lối tắt</translation>
    </message>
    <message>
      <source>Unknown</source>
      <translation>Không rõ</translation>
    </message>
  </context>
  <context>
    <name>QPrintDialog</name>
    <message>
      <source>%1 already exists.
Do you want to overwrite it?</source>
      <translation>%1 đã có.
Bạn có muốn ghi đè lên không?</translation>
    </message>
    <message>
      <source>%1 does not follow the correct syntax. Please use ',' to separate ranges and pages, '-' to define ranges and make sure ranges do not intersect with each other.</source>
      <translation>%1 không đúng cú pháp. Hãy dùng ',' để ngăn cách các khoảng và trang, '-' để ghi một khoảng, và các khoảng không được chồng lên nhau.</translation>
    </message>
    <message>
      <source>%1 is a directory.
Please choose a different file name.</source>
      <translation>%1 là một thư mục.
Hãy chọn tên tệp khác.</translation>
    </message>
    <message>
      <source>&amp;Options &lt;&lt;</source>
      <translation>Tùy &amp;chọn &lt;&lt;</translation>
    </message>
    <message>
      <source>&amp;Options &gt;&gt;</source>
      <translation>Tùy &amp;chọn &gt;&gt;</translation>
    </message>
    <message>
      <source>&amp;Print</source>
      <translation>&amp;In</translation>
    </message>
    <message>
      <source>1 (1x1)</source>
      <translation>1 (1x1)</translation>
    </message>
    <message>
      <source>16 (4x4)</source>
      <translation>16 (4x4)</translation>
    </message>
    <message>
      <source>2 (2x1)</source>
      <translation>2 (2x1)</translation>
    </message>
    <message>
      <source>4 (2x2)</source>
      <translation>4 (2x2)</translation>
    </message>
    <message>
      <source>6 (2x3)</source>
      <translation>6 (2x3)</translation>
    </message>
    <message>
      <source>9 (3x3)</source>
      <translation>9 (3x3)</translation>
    </message>
    <message>
      <source>All Pages</source>
      <translation>Mọi trang</translation>
    </message>
    <message>
      <source>Bottom to Top, Left to Right</source>
      <translation>Dưới lên trên, trái sang phải</translation>
    </message>
    <message>
      <source>Bottom to Top, Right to Left</source>
      <translation>Dưới lên trên, phải sang trái</translation>
    </message>
    <message>
      <source>Left to Right, Bottom to Top</source>
      <translation>Trái sang phải, dưới lên trên</translation>
    </message>
    <message>
      <source>Left to Right, Top to Bottom</source>
      <translation>Trái sang phải, trên xuống dưới</translation>
    </message>
    <message>
      <source>Right to Left, Bottom to Top</source>
      <translation>Phải sang trái, dưới lên trên</translation>
    </message>
    <message>
      <source>Right to Left, Top to Bottom</source>
      <translation>Phải sang trái, trên xuống dưới</translation>
    </message>
    <message>
      <source>Top to Bottom, Left to Right</source>
      <translation>Trên xuống dưới, trái sang phải</translation>
    </message>
    <message>
      <source>Top to Bottom, Right to Left</source>
      <translation>Trên xuống dưới, phải sang trái</translation>
    </message>
    <message>
      <source>Duplex Settings Conflicts</source>
      <translation>Thiết lập in hai mặt mâu thuẫn</translation>
    </message>
    <message>
      <source>Even Pages</source>
      <translation>Trang chẵn</translation>
    </message>
    <message>
      <source>File %1 is not writable.
Please choose a different file name.</source>
      <translation>Không ghi được tệp %1.
Hãy chọn tên tệp khác.</translation>
    </message>
    <message>
      <source>Invalid Pages Definition</source>
      <translation>Các trang ghi không hợp lệ</translation>
    </message>
    <message>
      <source>Local file</source>
      <translation>Tệp trên máy</translation>
    </message>
    <message>
      <source>Odd Pages</source>
      <translation>Trang lẻ</translation>
    </message>
    <message>
      <source>Options 'Pages Per Sheet' and 'Page Set' cannot be used together.
Please turn one of those options off.</source>
      <translation>Không dùng được cùng lúc hai tùy chọn 'Số trang mỗi tờ' và 'Nhóm trang'.
Hãy tắt một trong hai.</translation>
    </message>
    <message>
      <source>Print</source>
      <translation>In</translation>
    </message>
    <message>
      <source>Print To File ...</source>
      <translation>In ra tệp ...</translation>
    </message>
    <message>
      <source>Print to File (PDF)</source>
      <translation>In ra tệp (PDF)</translation>
    </message>
    <message>
      <source>The 'From' value cannot be greater than the 'To' value.</source>
      <translation>Giá trị 'Từ' không được lớn hơn giá trị 'Đến'.</translation>
    </message>
    <message>
      <source>There are conflicts in duplex settings. Do you want to fix them?</source>
      <translation>Thiết lập in hai mặt có mâu thuẫn. Bạn có muốn sửa không?</translation>
    </message>
    <message>
      <source>Write PDF file</source>
      <translation>Ghi tệp PDF</translation>
    </message>
  </context>
  <context>
    <name>QPrintSettingsOutput</name>
    <message>
      <source>Collate</source>
      <translation>Xếp theo bộ</translation>
    </message>
    <message>
      <source>Color</source>
      <translation>Màu</translation>
    </message>
    <message>
      <source>Color Mode</source>
      <translation>Chế độ màu</translation>
    </message>
    <message>
      <source>Copies</source>
      <translation>Số bản</translation>
    </message>
    <message>
      <source>Copies:</source>
      <translation>Số bản:</translation>
    </message>
    <message>
      <source>Current Page</source>
      <translation>Trang hiện tại</translation>
    </message>
    <message>
      <source>Double Sided Printing</source>
      <translation>In hai mặt</translation>
    </message>
    <message>
      <source>Form</source>
      <translation>Biểu mẫu</translation>
    </message>
    <message>
      <source>Grayscale</source>
      <translation>Thang xám</translation>
    </message>
    <message>
      <source>Long side binding</source>
      <translation>Đóng gáy cạnh dài</translation>
    </message>
    <message>
      <source>Off</source>
      <translation>Tắt</translation>
    </message>
    <message>
      <source>Options</source>
      <translation>Tùy chọn</translation>
    </message>
    <message>
      <source>Output Settings</source>
      <translation>Thiết lập in</translation>
    </message>
    <message>
      <source>Page &amp;Set:</source>
      <translation>&amp;Nhóm trang:</translation>
    </message>
    <message>
      <source>Pages</source>
      <translation>Trang</translation>
    </message>
    <message>
      <source>Pages from</source>
      <translation>Các trang từ</translation>
    </message>
    <message>
      <source>Print all</source>
      <translation>In tất cả</translation>
    </message>
    <message>
      <source>Print range</source>
      <translation>Phạm vi in</translation>
    </message>
    <message>
      <source>Reverse</source>
      <translation>Đảo ngược</translation>
    </message>
    <message>
      <source>Selection</source>
      <translation>Phần đã chọn</translation>
    </message>
    <message>
      <source>Short side binding</source>
      <translation>Đóng gáy cạnh ngắn</translation>
    </message>
    <message>
      <source>Specify pages or ranges separated by commas. Ranges are specified by two numbers separated by a hyphen. E.g: 3,5-7,9 prints pages 3, 5, 6, 7 and 9.</source>
      <translation>Ghi các trang hoặc khoảng trang, cách nhau bằng dấu phẩy; một khoảng là hai số nối bằng dấu gạch ngang. Ví dụ: 3,5-7,9 in các trang 3, 5, 6, 7 và 9.</translation>
    </message>
    <message>
      <source>to</source>
      <translation>đến</translation>
    </message>
  </context>
  <context>
    <name>QPrintWidget</name>
    <message>
      <source>&amp;Name:</source>
      <translation>&amp;Tên:</translation>
    </message>
    <message>
      <source>...</source>
      <translation>...</translation>
    </message>
    <message>
      <source>Form</source>
      <translation>Biểu mẫu</translation>
    </message>
    <message>
      <source>Location:</source>
      <translation>Vị trí:</translation>
    </message>
    <message>
      <source>Output &amp;file:</source>
      <translation>&amp;Tệp in ra:</translation>
    </message>
    <message>
      <source>P&amp;roperties</source>
      <translation>Th&amp;uộc tính</translation>
    </message>
    <message>
      <source>Preview</source>
      <translation>Xem trước</translation>
    </message>
    <message>
      <source>Printer</source>
      <translation>Máy in</translation>
    </message>
    <message>
      <source>Type:</source>
      <translation>Loại:</translation>
    </message>
  </context>
  <context>
    <name>QPrintPropertiesWidget</name>
    <message>
      <source>Advanced</source>
      <translation>Nâng cao</translation>
    </message>
    <message>
      <source>Form</source>
      <translation>Biểu mẫu</translation>
    </message>
    <message>
      <source>Page</source>
      <translation>Trang</translation>
    </message>
    <message>
      <source>There are conflicts in some options. Please fix them.</source>
      <translation>Một số tùy chọn mâu thuẫn nhau. Hãy sửa lại.</translation>
    </message>
  </context>
  <context>
    <name>QPageSetupWidget</name>
    <message>
      <source>CC</source>
      <translation>CC</translation>
    </message>
    <message>
      <source>Cicero (CC)</source>
      <translation>Cicero (CC)</translation>
    </message>
    <message>
      <source>Custom</source>
      <translation>Tùy chỉnh</translation>
    </message>
    <message>
      <source>DD</source>
      <translation>DD</translation>
    </message>
    <message>
      <source>Didot (DD)</source>
      <translation>Didot (DD)</translation>
    </message>
    <message>
      <source>Form</source>
      <translation>Biểu mẫu</translation>
    </message>
    <message>
      <source>Height:</source>
      <translation>Cao:</translation>
    </message>
    <message>
      <source>Inches (in)</source>
      <translation>Inch (in)</translation>
    </message>
    <message>
      <source>Landscape</source>
      <translation>Nằm ngang</translation>
    </message>
    <message>
      <source>Margins</source>
      <translation>Lề</translation>
    </message>
    <message>
      <source>Millimeters (mm)</source>
      <translation>Milimét (mm)</translation>
    </message>
    <message>
      <source>Orientation</source>
      <translation>Hướng giấy</translation>
    </message>
    <message>
      <source>Page &amp;order:</source>
      <translation>&amp;Thứ tự trang:</translation>
    </message>
    <message>
      <source>Page Layout</source>
      <translation>Bố cục trang</translation>
    </message>
    <message>
      <source>Page size:</source>
      <translation>Khổ giấy:</translation>
    </message>
    <message>
      <source>Pages &amp;per sheet:</source>
      <translation>Số trang &amp;mỗi tờ:</translation>
    </message>
    <message>
      <source>Paper</source>
      <translation>Giấy</translation>
    </message>
    <message>
      <source>Paper source:</source>
      <translation>Nguồn giấy:</translation>
    </message>
    <message>
      <source>Pica (P̸)</source>
      <translation>Pica (P̸)</translation>
    </message>
    <message>
      <source>Points (pt)</source>
      <translation>Point (pt)</translation>
    </message>
    <message>
      <source>Portrait</source>
      <translation>Dọc</translation>
    </message>
    <message>
      <source>P̸</source>
      <translation>P̸</translation>
    </message>
    <message>
      <source>Reverse landscape</source>
      <translation>Nằm ngang ngược</translation>
    </message>
    <message>
      <source>Reverse portrait</source>
      <translation>Dọc ngược</translation>
    </message>
    <message>
      <source>Width:</source>
      <translation>Rộng:</translation>
    </message>
    <message>
      <source>bottom margin</source>
      <translation>lề dưới</translation>
    </message>
    <message>
      <source>in</source>
      <translation>in</translation>
    </message>
    <message>
      <source>left margin</source>
      <translation>lề trái</translation>
    </message>
    <message>
      <source>mm</source>
      <translation>mm</translation>
    </message>
    <message>
      <source>pt</source>
      <translation>pt</translation>
    </message>
    <message>
      <source>right margin</source>
      <translation>lề phải</translation>
    </message>
    <message>
      <source>top margin</source>
      <translation>lề trên</translation>
    </message>
  </context>
</TS>
